package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Browser;
import org.childprotection.support.BrowserTest;
import org.childprotection.support.Http;
import org.childprotection.support.PersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole flow in a real browser (Debian's chromium through chromium-driver, headless, asking
 * for Chinese): a report comes in, gulou works the assessment's Camunda Form in Tasklist, the
 * level and the referral appear, qixia cannot see the case, the supervisor finds it in Cockpit
 * and on the supervision page (督导). Screenshots of each step are kept in
 * target/e2e-screenshots.
 */
class BrowserJourneyTest extends BrowserTest {

  @Autowired
  JdbcClient jdbc;

  private WebDriverWait wait;

  @BeforeEach
  void waitLikeTheBrowser() {
    wait = browser.waiting();
  }

  @Test
  void aReportIsAssessedInTasklistAndFoundInCockpit() {
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
    drive.complete(instance, "triage", CaseFixtures.triage("YELLOW", "LEFT_BEHIND"));
    String taskId = drive.task(instance, "assessFamily").getId();

    // gulou works the assessment in Tasklist, in Chinese
    browser.login("tasklist", "gulou");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    browser.shot("1-tasklist-gulou");
    browser.openTask(taskId);
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(text(),'认领')]")));
    claim.click();
    // A task opens on its 案情 tab; the form is the tab beside it.
    browser.tab("表单");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "走访日期"));
    browser.shot("2-assessment-form");
    browser.fill("assessmentNote", "浏览器测试：走访发现留守，需助学支持");
    WebElement visitDate = browser.driver().findElement(By.cssSelector("input[id*='Field_visitDate']"));
    LocalDate today = LocalDate.now();
    // As the form asks for it (年-月-日, scripts/form-zh.js).
    visitDate.sendKeys(today.toString());
    browser.driver().findElement(By.tagName("body")).click();
    browser.checkbox("needStudyAid");
    browser.checkbox("noContactWithSchoolOrCommunity");
    browser.shot("3-assessment-filled");
    WebElement complete = browser.driver().findElement(By.xpath("//button[normalize-space()='完成']"));
    browser.click(complete);
    wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    drive.runJobs(instance);
    browser.shot("4-assessment-completed");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName("visitDate").singleResult().getValue())
        .isEqualTo(today.toString());

    // the level and the referral appear
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance);
    assertThat(variables.get("riskLevel")).isIn("GREEN", "YELLOW");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("handleReferral").taskCandidateGroup("education").count())
        .isEqualTo(1);
    // 全部任务 searched for this case, as a worker searches by 业务编号: other tests of the same
    // platform (a ledger import's cases among them) keep adding tasks that fill the first page.
    String all = engine.getFilterService().createFilterQuery().filterName("全部任务")
        .singleResult().getId();
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\","
        + "\"value\":\"" + caseNumber + "\",\"name\":\"\"}]";
    browser.get("/camunda/app/tasklist/default/#/?filter=" + all + "&searchQuery="
        + URLEncoder.encode(search, StandardCharsets.UTF_8));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "转介办理"));
    browser.shot("5-referral-visible-to-gulou");
    // Times in the list are Chinese, relative ones too ("到期 5 天后, 创建时间 几秒前"), and
    // Camunda's "migrate to Camunda 8" banner is not shown to a caseworker.
    String list = browser.text();
    assertThat(list).containsPattern("创建时间 (几秒|\\d+ 分钟|1 分钟)前")
        .containsPattern("到期 \\d+ 天后").doesNotContain(" ago").doesNotContain("Camunda 8");
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
        .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

    // qixia does not see the case
    browser.logout();
    browser.login("tasklist", "qixia");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    String referralId = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("handleReferral").taskCandidateGroup("education").singleResult()
        .getId();
    browser.openTask(referralId);
    Browser.sleep(3000);
    browser.shot("6-qixia-cannot-see");
    assertThat(browser.text()).contains("该任务已不存在")
        .doesNotContain("采取的措施");

    // the supervisor finds the instance in Cockpit, and the case on the supervision page
    browser.logout();
    browser.login("cockpit", "supervisor");
    browser.get("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        caseNumber));
    browser.shot("7-cockpit-instance");
    assertThat(browser.text()).contains("未成年人社会保护个案")
        .doesNotContain("Camunda 8");
    browser.get("/camunda/app/cockpit/default/#/supervision");
    WebElement gulou = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#mp-supervision .mp-sv-districts [data-district='gulou']")));
    browser.shot("8-supervision-page");
    assertThat(gulou.getText()).startsWith("鼓楼区");
    assertThat(Long.parseLong(gulou.findElement(
        By.cssSelector("[data-figure='category-LEFT_BEHIND']")).getText())).isPositive();
  }

  /**
   * 发起流程 offers a district worker only 登记新个案 (nobody but an administrator starts the case
   * process itself); its form opens the case, and a wrong ID number is refused in the form with
   * its reason, writing nothing.
   */
  @Test
  void aCaseIsRegisteredThroughTasklistsStartForm() {
    String name = "浏览器登记儿童";
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(7).minusDays(45));
    PersonalData.childName(name);
    PersonalData.idNumber(idNumber);
    browser.login("tasklist", "gulou");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "我的任务"));
    browser.click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".start-process-action a"))));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "登记新个案"));
    String offered = browser.driver().findElement(By.cssSelector(".modal-content")).getText();
    browser.shot("9-start-list");
    assertThat(offered).contains("登记新个案").doesNotContain("未成年人社会保护个案")
        .doesNotContain("监护干预").doesNotContain("法院审理").doesNotContain("区摸底排查");
    browser.click(browser.driver().findElement(By.xpath("//*[normalize-space(text())='登记新个案']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "困境类别"));

    type("Field_childName", name);
    browser.click(browser.driver().findElement(By.xpath("//label[normalize-space()='女']")));
    type("Field_childIdNumber", idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0"));
    // form-js opens its select and picks an item on mousedown: a real click, not a script's.
    WebElement district = browser.driver().findElement(
        By.cssSelector("[id$='Field_district-display']"));
    browser.script("arguments[0].scrollIntoView(true);", district);
    district.click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='鼓楼区']")))
        .click();
    type("Field_street", "湖南路街道");
    browser.click(browser.driver().findElement(By.xpath("//label[normalize-space()='留守流动']")));
    type("Field_description", "浏览器测试：社区走访发现");
    browser.shot("10-start-form-filled");
    long cases = cases();

    browser.settle(By.cssSelector(".modal-header"));
    browser.click(browser.startButton());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "身份证号校验位错误"));
    browser.shot("11-start-form-refused");
    assertThat(cases()).isEqualTo(cases);

    WebElement id = browser.driver().findElement(By.cssSelector("[id$='Field_childIdNumber']"));
    id.clear();
    id.sendKeys(idNumber);
    browser.settle(By.cssSelector(".modal-header"));
    browser.click(browser.startButton());
    wait.until(d -> cases() == cases + 1);
    browser.shot("12-case-registered");
    String caseNumber = jdbc.sql("SELECT c.case_number FROM protection_case c JOIN child ch "
        + "ON ch.id = c.child_id WHERE ch.id_number = ?").param(idNumber)
        .query(String.class).single();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("child-protection-case").processInstanceBusinessKey(caseNumber)
        .singleResult().getTenantId()).isEqualTo("gulou");
  }

  /** Types into a form-js field found by its id ("Field_street"), not by a key its help shares. */
  private void type(String fieldId, String text) {
    browser.driver().findElement(By.cssSelector("[id$='" + fieldId + "']")).sendKeys(text);
  }

  private long cases() {
    return jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single();
  }
}
