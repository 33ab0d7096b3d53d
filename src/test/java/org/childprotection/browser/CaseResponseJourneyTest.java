package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.childprotection.casework.CaseFixtures.greenAnswers;
import static org.childprotection.casework.CaseFixtures.reportNamed;
import static org.childprotection.casework.CaseFixtures.triage;
import static org.childprotection.casework.CaseFixtures.with;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Browser;
import org.childprotection.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The response to a child at risk in Tasklist's forms, in a real browser (SPEC 4a, 5.0, 5.5): the
 * center sets the first level and starts emergency measures at triage, the police sent on a
 * 强制报告 finding see why and start the procedure, the district decides on a new procedure after
 * new harm. Screenshots in target/e2e-screenshots.
 */
class CaseResponseJourneyTest extends BrowserTest {

  @Test
  void theCenterSetsTheFirstLevelAndStartsEmergencyMeasuresOnTheTriageForm() {
    String instance = open(reportNamed("分诊紧急测试儿童", "gulou", false, "DOMESTIC_VIOLENCE"));
    String triage = drive.task(instance, "triage").getId();

    browser.login("tasklist", "center");
    openForm(triage, "初步风险等级");
    choose("家庭暴力");
    choose("一级（红）");
    browser.checkbox("emergencyMeasures");
    browser.shot("30-triage-level-and-emergency");
    complete(triage);

    assertThat(engine.getRuntimeService().getVariable(instance, "triageLevel")).isEqualTo("RED");
    assertThat(drive.task(instance, "firstContact").getDueDate().toInstant())
        .isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(5, ChronoUnit.MINUTES));
    ProcessInstance procedure = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance).singleResult();
    assertThat(engine.getRuntimeService().getVariable(procedure.getId(), "interventionEntry"))
        .isEqualTo("EMERGENCY");

    browser.logout();
    browser.login("tasklist", "gulou");
    openForm(drive.task(instance, "firstContact").getId(), "接触方式");
    browser.shot("31-first-contact-form");
    assertThat(browser.text()).contains("首次接触日期").contains("到儿童所在地当面见到儿童")
        .contains("儿童当前状况与安全情况");
  }

  @Test
  void thePoliceSentOnAMandatoryReportSeeWhyAndStartTheProcedure() {
    Map<String, Object> report = reportNamed("强制报告测试儿童", "gulou", false,
        "DOMESTIC_VIOLENCE");
    report.put("reporter", Map.of("name", "班主任王老师", "phone", "13851234567",
        "type", "MANDATORY_REPORTER"));
    String instance = open(report);
    drive.complete(instance, "triage", triage("ORANGE", "DOMESTIC_VIOLENCE"));
    drive.complete(instance, "assessFamily", with(greenAnswers(), "sexualHarmOrPregnancy", true));
    String dispatch = drive.task(instance, "policeResponse").getId();

    browser.login("tasklist", "police");
    String context = browser.taskContext(dispatch);
    browser.shot("32-police-mandatory-report-context");
    assertThat(context).contains("强制报告测试儿童").contains("测试地址1号")
        .contains("13851234567").contains("强制报告情形：性侵害或女童怀孕");

    openForm(dispatch, "监护人正在侵害儿童");
    assertThat(browser.text()).contains("见本任务的案情页");
    browser.checkbox("guardianHarming");
    browser.fill("policeNote", "已询问，固定证据，监护人系加害人");
    browser.shot("33-police-form");
    complete(dispatch);

    ProcessInstance procedure = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance).singleResult();
    assertThat(procedure).as("the procedure started from the dispatch").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(procedure.getId(), "interventionEntry"))
        .isEqualTo("EMERGENCY");
  }

  @Test
  void theDistrictStartsANewProcedureAfterNewHarmFoundInMonitoring() {
    String instance = open(reportNamed("重新处置测试儿童", "gulou", false, "DOMESTIC_VIOLENCE"));
    drive.complete(instance, "triage", triage("YELLOW", "DOMESTIC_VIOLENCE"));
    drive.complete(instance, "assessFamily", with(greenAnswers(),
        "guardianSeriousHarmNoChange", true));
    String first = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance).singleResult().getId();
    CaseFixtures.dismissedAndMonitored(drive, instance, first, "HARM");
    String redispose = drive.task(instance, "redispose").getId();

    browser.login("tasklist", "gulou");
    openForm(redispose, "处置决定");
    assertThat(browser.text()).contains("上一个监护干预程序已结束");
    choose("启动新的监护干预程序（调查评估、会商、干预措施）");
    browser.fill("redisposalNote", "随访发现再次殴打，重新启动监护干预");
    browser.shot("34-redispose-form");
    complete(redispose);

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(instance).count()).isEqualTo(2);
    ProcessInstance second = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance).singleResult();
    assertThat(engine.getRuntimeService().getVariable(second.getId(), "interventionEntry"))
        .isEqualTo("ASSESSMENT");
  }

  private String open(Map<String, Object> report) {
    return CaseFixtures.open(as("center"), drive, report);
  }

  /** Opens the task, claims it and shows its form (表单), once the form shows this text. */
  private void openForm(String taskId, String shows) {
    browser.openTask(taskId);
    browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(., '认领')]"))).click();
    // Tasklist renders the form again once the claim is through: fill in only that one.
    browser.waiting().until(d -> engine.getTaskService().createTaskQuery().taskId(taskId)
        .singleResult().getAssignee() != null);
    Browser.sleep(1500);
    browser.tab("表单");
    browser.waitForText(shows);
  }

  /** Picks the option (radio or checklist) labelled so. */
  private void choose(String label) {
    browser.click(browser.waitFor(By.xpath(
        "//form//label[contains(normalize-space(.), '" + label + "')]")));
  }

  private void complete(String taskId) {
    browser.settle(By.tagName("body"));
    browser.click(browser.driver().findElement(By.xpath("//button[normalize-space()='完成']")));
    browser.waiting().until(d -> engine.getTaskService().createTaskQuery().taskId(taskId)
        .count() == 0);
    drive.runJobs(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult().getRootProcessInstanceId());
  }
}
