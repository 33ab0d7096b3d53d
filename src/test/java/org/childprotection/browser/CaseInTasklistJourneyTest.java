package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.casework.CaseFixtures.greenAnswers;
import static org.childprotection.casework.CaseFixtures.reportNamed;
import static org.childprotection.casework.CaseFixtures.triage;
import static org.childprotection.casework.CaseFixtures.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Browser;
import org.childprotection.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case in front of the worker (SPEC section 10), in Tasklist in a real browser, one journey
 * per role: what each person sees on the task's 案情 tab, on the task cards and on the case page
 * (案卷), and what they must not see. Screenshots in target/e2e-screenshots; two of them are the
 * README's pictures (docs/images).
 */
class CaseInTasklistJourneyTest extends BrowserTest {

  /** A 1×1 PNG, the photo gulou adds. */
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @Autowired
  JdbcClient jdbc;

  /** The police, sent to a child in danger, see who, where, and whom to call back. */
  @Test
  void thePoliceSeeTheChildTheAddressAndTheReportersPhone() {
    Map<String, Object> report = reportNamed("警情测试儿童", "gulou", true, "DOMESTIC_VIOLENCE");
    report.put("reporter", Map.of("name", "邻居张女士", "phone", "13912345678", "type", "NEIGHBOUR"));
    report.put("location", Map.of("district", "gulou", "street", "湖南路街道",
        "community", "凤凰二村社区", "address", "凤凰西街12号3单元"));
    report.put("description", "邻居听到孩子持续哭喊，疑似正在被殴打");
    String instance = open(report);
    String taskId = drive.task(instance, "policeResponse").getId();

    browser.login("tasklist", "police");
    String context = browser.taskContext(taskId);
    browser.shot("20-police-task-context");
    Browser.publish("20-police-task-context", "task-context.png");

    assertThat(context).contains("儿童当前处于危险中").contains("警情测试儿童")
        .contains("凤凰西街12号").contains("13912345678").contains("疑似正在被殴打");
    assertThat(browser.driver().findElement(By.cssSelector(".mp-context")).getAttribute("data-view"))
        .isEqualTo("POLICE");
    String idNumber = (String) ((Map<?, ?>) report.get("child")).get("idNumber");
    assertThat(browser.text()).doesNotContain(idNumber);
  }

  /** The center at triage reads what was reported; the cards say whose task is whose. */
  @Test
  void theCenterReadsTheReportAtTriage() {
    Map<String, Object> report = reportNamed("分诊测试儿童", "qixia", false, "LEFT_BEHIND");
    report.put("description", "社区网格员发现孩子长期独自在家，父母在外务工");
    String instance = open(report);
    String caseNumber = drive.businessKey(instance);
    String taskId = drive.task(instance, "triage").getId();
    var task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(java.time.Instant.parse("2000-01-01T00:00:00Z")));
    engine.getTaskService().saveTask(task);

    browser.login("tasklist", "center");
    String context = browser.taskContext(taskId);
    browser.shot("21-center-triage-context");

    assertThat(context).contains("社区网格员发现孩子长期独自在家").contains("分诊测试儿童")
        .contains(caseNumber).contains("栖霞区").contains("留守流动");
    // The list is sorted by due date and says so; every card carries its case's label, from
    // one request for the page.
    browser.driver().findElement(By.xpath("//*[normalize-space(text())='全部任务']")).click();
    WebElement card = browser.waitFor(By.xpath(
        "//li[contains(@class,'task')]//div[contains(@class,'mp-task-label')][contains(., '"
            + caseNumber + "')]"));
    browser.shot("22-task-cards");
    assertThat(card.getText()).contains("分诊测试儿童").contains("栖霞区");
    String sorting = browser.driver().findElement(By.cssSelector("[cam-sorting-choices] .sort-by"))
        .getText();
    assertThat(sorting).isEqualTo("到期日期").isNotEqualTo("创建时间");
    assertThat(browser.driver().findElements(By.cssSelector(".tasks-list .priority")))
        .allSatisfy(priority -> assertThat(priority.isDisplayed()).isFalse());
    long cards = browser.driver().findElements(By.cssSelector("ol.tasks-list > li.task")).size();
    Number labelRequests = (Number) browser.script("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/api/tasks/labels')).length;");
    assertThat(cards).isGreaterThan(1);
    assertThat(labelRequests.longValue()).isLessThan(cards);
  }

  /**
   * gulou at the assessment sees the center's triage instruction, then adds a note and a photo
   * on the case page, which fits a phone's screen.
   */
  @Test
  void gulouReadsTheTriageInstructionAndAddsANoteAndAPhoto() throws IOException {
    String instance = open(reportNamed("评估测试儿童", "gulou", false, "LEFT_BEHIND"));
    String caseNumber = drive.businessKey(instance);
    drive.complete(instance, "triage", with(triage("YELLOW", "LEFT_BEHIND"),
        "triageNote", "请三日内入户走访，重点核实孩子白天由谁照看"));
    String taskId = drive.task(instance, "assessFamily").getId();

    browser.login("tasklist", "gulou");
    String context = browser.taskContext(taskId);
    browser.shot("23-gulou-assessment-context");
    assertThat(context).contains("上一步").contains("请三日内入户走访，重点核实孩子白天由谁照看")
        .contains("评估测试儿童");

    browser.click(browser.driver().findElement(By.cssSelector(".mp-open-case")));
    browser.waitFor(By.cssSelector(".mp-panel .mp-case-head[data-case='" + caseNumber + "']"));
    WebElement text = browser.driver().findElement(By.cssSelector(".mp-note-form textarea"));
    text.sendKeys("入户走访：孩子由祖母照看，祖母行动不便");
    browser.click(browser.driver().findElement(By.xpath("//button[normalize-space()='添加记录']")));
    browser.waitFor(By.xpath("//ol[contains(@class,'mp-notes')]/li[contains(., '祖母行动不便')]"));

    Path photo = Files.createTempFile("photo", ".png");
    Files.write(photo, PNG);
    WebElement upload = browser.driver().findElement(By.cssSelector(".mp-panel .mp-upload"));
    new org.openqa.selenium.support.ui.Select(upload.findElement(By.name("kind")))
        .selectByVisibleText("照片");
    upload.findElement(By.name("file")).sendKeys(photo.toAbsolutePath().toString());
    browser.click(upload.findElement(By.xpath(".//button[normalize-space()='上传附件']")));
    browser.waitFor(By.xpath("//ul[contains(@class,'mp-attachments')]/li[contains(., '照片')]"));
    browser.shot("24-case-page-with-note-and-photo");

    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_note n JOIN protection_case c ON c.id = "
        + "n.case_id WHERE c.case_number = ? AND n.note_text LIKE '%祖母行动不便%'")
        .param(caseNumber).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_attachment a JOIN protection_case c ON c.id = "
        + "a.case_id WHERE c.case_number = ? AND a.kind = 'PHOTO' AND a.size_bytes = ?")
        .param(caseNumber).param(PNG.length).query(Long.class).single()).isEqualTo(1);

    // On a phone: one column, nothing wider than the screen.
    browser.resize(375, 812);
    browser.script("document.querySelector('.mp-panel-body').scrollTop = 0;");
    Browser.sleep(500);
    browser.shot("25-case-page-375");
    Browser.publish("25-case-page-375", "case-page-375.png");
    Number overflow = (Number) browser.script("const b = document.querySelector('.mp-panel-body');"
        + "return Math.max(document.documentElement.scrollWidth - window.innerWidth,"
        + " b.scrollWidth - b.clientWidth);");
    assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
  }

  /** A member unit sees the child and what is asked of it, never the ID number or address. */
  @Test
  void educationSeesTheChildAndTheAskButNoIdNumberOrAddress() {
    Map<String, Object> report = reportNamed("转介测试儿童", "gulou", false, "LEFT_BEHIND");
    String idNumber = (String) ((Map<?, ?>) report.get("child")).get("idNumber");
    String instance = open(report);
    drive.complete(instance, "triage", triage("YELLOW", "LEFT_BEHIND"));
    drive.complete(instance, "assessFamily", with(greenAnswers(),
        "needStudyAid", true, "noContactWithSchoolOrCommunity", true));
    String taskId = engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(drive.familyArray(instance)).taskDefinitionKey("handleReferral")
        .taskCandidateGroup("education").singleResult().getId();

    browser.login("tasklist", "education");
    String context = browser.taskContext(taskId);
    browser.shot("26-education-referral-context");

    assertThat(context).contains("转介测试儿童").contains("请贵单位办理").contains("需要做什么");
    assertThat(browser.driver().findElement(By.cssSelector(".mp-context")).getAttribute("data-view"))
        .isEqualTo("UNIT");
    String page = browser.text() + browser.driver().getPageSource();
    assertThat(page).doesNotContain(idNumber).doesNotContain(idNumber.substring(14))
        .doesNotContainPattern("\\d{4}\\*{10}\\d{3}[\\dX]").doesNotContain("身份证号")
        .doesNotContain("测试地址1号").doesNotContain("凤凰二村社区").doesNotContain("报告人");
  }

  /** The supervisor finds the case through 案卷检索 and sees who looked at the file. */
  @Test
  void theSupervisorSeesWhoLookedAtTheFile() {
    String instance = open(reportNamed("督导测试儿童", "gulou", false, "SPECIAL_HARDSHIP"));
    String caseNumber = drive.businessKey(instance);
    assertThat(as("gulou").get("/api/cases/" + caseNumber).status()).isEqualTo(200);

    browser.login("tasklist", "supervisor");
    browser.waitForText("我的任务");
    browser.click(browser.driver().findElement(By.cssSelector(".mp-case-search")));
    WebElement q = browser.waitFor(By.cssSelector(".mp-panel input[name='q']"));
    q.sendKeys(caseNumber);
    browser.click(browser.driver().findElement(By.xpath("//button[normalize-space()='检索']")));
    browser.click(browser.waitFor(By.cssSelector(".mp-results a[data-case='" + caseNumber + "']")));
    WebElement log = browser.waitFor(By.xpath(
        "//section[h3[normalize-space()='查阅与变更记录']]"));
    browser.click(log);
    browser.shot("27-supervisor-access-log");

    assertThat(log.getText()).contains("gulou").contains("supervisor");
    assertThat(browser.text()).contains("督导测试儿童").contains("时间线");
  }

  private String open(Map<String, Object> report) {
    return CaseFixtures.open(as("center"), drive, report);
  }
}
