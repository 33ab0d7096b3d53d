package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PersonalData;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole flow in a real browser (Debian's chromium through chromium-driver, headless, asking
 * for Chinese): a report comes in, gulou works the assessment's Camunda Form in Tasklist, the
 * level and the referral appear, qixia cannot see the case, the supervisor finds it in Cockpit
 * and on the supervision dashboard. Screenshots of each step are kept in
 * target/e2e-screenshots.
 */
class BrowserJourneyTest extends PlatformTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "e2e-screenshots");

  @Autowired
  JdbcClient jdbc;

  private WebDriver browser;
  private WebDriverWait wait;
  private Path profile;

  @BeforeEach
  void openBrowser() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver (installed by .ci/run)");
    Files.createDirectories(SHOTS);
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--lang=zh-CN", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReportIsAssessedInTasklistAndFoundInCockpit() throws IOException {
    ProcessDriver drive = new ProcessDriver(engine);
    Http.Response report = as("center").postJson("/api/reports", Map.of(
        "channel", "HOTLINE_12345",
        "child", Map.of("name", "浏览器测试儿童", "gender", "F", "idNumber", CaseFixtures
            .idNumber(LocalDate.now().minusYears(9).minusDays(123))),
        "location", Map.of("district", "gulou"),
        "suspectedCategories", List.of("LEFT_BEHIND")));
    assertThat(report.status()).isEqualTo(201);
    String instance = report.json().get("processInstanceId").asText();
    String caseNumber = report.json().get("caseNumber").asText();
    drive.runJobs(instance);
    drive.complete(instance, "triage", Map.of("urgent", false, "triageOutcome", "ASSESS"));
    String taskId = drive.task(instance, "assessFamily").getId();

    // gulou works the assessment in Tasklist, in Chinese
    login("tasklist", "gulou");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    shot("1-tasklist-gulou");
    browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(text(),'认领')]")));
    claim.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "走访日期"));
    shot("2-assessment-form");
    fill("assessmentNote", "浏览器测试：走访发现留守，需助学支持");
    WebElement visitDate = browser.findElement(By.cssSelector("input[id*='Field_visitDate']"));
    LocalDate today = LocalDate.now();
    visitDate.sendKeys(today.getMonthValue() + "/" + today.getDayOfMonth() + "/" + today.getYear());
    browser.findElement(By.tagName("body")).click();
    checkbox("needStudyAid");
    checkbox("noContactWithSchoolOrCommunity");
    shot("3-assessment-filled");
    WebElement complete = browser.findElement(By.xpath("//button[normalize-space()='完成']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", complete);
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", complete);
    wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    drive.runJobs(instance);
    shot("4-assessment-completed");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName("visitDate").singleResult().getValue())
        .isEqualTo(today.toString());

    // the level and the referral appear
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance);
    assertThat(variables.get("riskLevel")).isIn("GREEN", "YELLOW");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("handleReferral").taskCandidateGroup("education").count())
        .isEqualTo(1);
    browser.get(url("/camunda/app/tasklist/default/#/?filter=&task="));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全部任务"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();",
        browser.findElement(By.xpath("//*[text()[contains(., '全部任务')]]")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "转介办理"));
    shot("5-referral-visible-to-gulou");
    // Times in the list are Chinese, relative ones too ("到期 5 天后, 创建时间 几秒前"), and
    // Camunda's "migrate to Camunda 8" banner is not shown to a caseworker.
    String list = browser.findElement(By.tagName("body")).getText();
    assertThat(list).containsPattern("创建时间 (几秒|\\d+ 分钟|1 分钟)前")
        .containsPattern("到期 \\d+ 天后").doesNotContain(" ago").doesNotContain("Camunda 8");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
        .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

    // qixia does not see the case
    logout();
    login("tasklist", "qixia");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    String referralId = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("handleReferral").taskCandidateGroup("education").singleResult()
        .getId();
    browser.get(url("/camunda/app/tasklist/default/#/?task=" + referralId));
    sleep(3000);
    shot("6-qixia-cannot-see");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("该任务已不存在")
        .doesNotContain("采取的措施");

    // the supervisor finds the instance in Cockpit and the dashboard shows it
    logout();
    login("cockpit", "supervisor");
    browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        caseNumber));
    shot("7-cockpit-instance");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("未成年人社会保护个案")
        .doesNotContain("Camunda 8");
    browser.get(url("/camunda/app/cockpit/default/#/dashboard"));
    WebElement gulou = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#mp-supervision [data-district='gulou']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", gulou);
    shot("8-supervision-dashboard");
    assertThat(gulou.getText()).contains("鼓楼区").contains("留守流动");
  }

  /**
   * 发起流程 offers a district worker only 登记新个案 (nobody but an administrator starts the case
   * process itself); its form opens the case, and a wrong ID number is refused in the form with
   * its reason, writing nothing.
   */
  @Test
  void aCaseIsRegisteredThroughTasklistsStartForm() throws IOException {
    String name = "浏览器登记儿童";
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(7).minusDays(45));
    PersonalData.childName(name);
    PersonalData.idNumber(idNumber);
    login("tasklist", "gulou");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".start-process-action a"))));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "登记新个案"));
    String offered = browser.findElement(By.cssSelector(".modal-content")).getText();
    shot("9-start-list");
    assertThat(offered).contains("登记新个案").doesNotContain("未成年人社会保护个案")
        .doesNotContain("监护干预").doesNotContain("法院审理").doesNotContain("区摸底排查");
    click(browser.findElement(By.xpath("//*[normalize-space(text())='登记新个案']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "困境类别"));

    type("Field_childName", name);
    click(browser.findElement(By.xpath("//label[normalize-space()='女']")));
    type("Field_childIdNumber", idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0"));
    // form-js opens its select and picks an item on mousedown: a real click, not a script's.
    WebElement district = browser.findElement(By.cssSelector("[id$='Field_district-display']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", district);
    district.click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='鼓楼区']")))
        .click();
    type("Field_street", "湖南路街道");
    click(browser.findElement(By.xpath("//label[normalize-space()='留守流动']")));
    type("Field_description", "浏览器测试：社区走访发现");
    shot("10-start-form-filled");
    long cases = cases();

    settle();
    click(startButton());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "身份证号校验位错误"));
    shot("11-start-form-refused");
    assertThat(cases()).isEqualTo(cases);

    WebElement id = browser.findElement(By.cssSelector("[id$='Field_childIdNumber']"));
    id.clear();
    id.sendKeys(idNumber);
    settle();
    click(startButton());
    wait.until(d -> cases() == cases + 1);
    shot("12-case-registered");
    String caseNumber = jdbc.sql("SELECT c.case_number FROM protection_case c JOIN child ch "
        + "ON ch.id = c.child_id WHERE ch.id_number = ?").param(idNumber)
        .query(String.class).single();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("child-protection-case").processInstanceBusinessKey(caseNumber)
        .singleResult().getTenantId()).isEqualTo("gulou");
  }

  /** Types into a form-js field found by its id ("Field_street"), not by a key that its help text shares. */
  private void type(String fieldId, String text) {
    browser.findElement(By.cssSelector("[id$='" + fieldId + "']")).sendKeys(text);
  }

  /** form-js takes a typed value a moment later (debounced), and on leaving the field. */
  private void settle() {
    browser.findElement(By.cssSelector(".modal-header")).click();
    sleep(800);
  }

  private WebElement startButton() {
    return browser.findElement(
        By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
  }

  private long cases() {
    return jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single();
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", element);
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
  }

  private void login(String app, String user) {
    browser.get(url("/camunda/app/" + app + "/default/"));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[type='text']")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
  }

  private void logout() {
    browser.manage().deleteAllCookies();
  }

  private void fill(String key, String text) {
    browser.findElement(By.cssSelector("[name='" + key + "'], [id$='" + key + "']"))
        .sendKeys(text);
  }

  private void checkbox(String key) {
    browser.findElement(By.cssSelector("input[type='checkbox'][id$='" + key + "'], "
        + "input[type='checkbox'][name='" + key + "']")).click();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void shot(String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
