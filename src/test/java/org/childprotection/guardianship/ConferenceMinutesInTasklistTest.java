package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.childprotection.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 会商纪要 in Tasklist, in a real browser: the protection center's worker records the date,
 * attendees, decisions and the actions with their owners and due dates, and completes the task;
 * an action without its owner is refused with the reason. Screenshots in target/e2e-screenshots.
 */
class ConferenceMinutesInTasklistTest extends BrowserTest {

  @Test
  void theCenterRecordsTheConferencesActionsWithOwnersAndDueDates() {
    String root = new GuardianshipWalk(this::as, engine).upToConference("gulou");
    String guardianship = drive.called(root, "guardianship-transfer");
    String taskId = drive.task(root, "interventionConference").getId();
    // The date is there already, as a form shows what the case holds: typing dates into the
    // date picker is the Tasklist date tests' part.
    engine.getRuntimeService().setVariable(guardianship, "conferenceDate",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());

    browser.login("tasklist", "center");
    browser.openTask(taskId);
    browser.click(browser.waitFor(By.xpath("//*[contains(text(),'认领')]")));
    browser.tab("表单");
    browser.waitForText("行动项（每行一项：事项｜负责人｜完成期限）");
    browser.click(browser.driver().findElements(
        By.cssSelector("input[id*='Field_conferenceParticipants']")).get(1));
    browser.click(browser.driver().findElements(
        By.cssSelector("input[id*='Field_conferenceConclusion']")).get(0));
    browser.fill("Field_conferenceAttendees", "民政 王某\n公安 李某");
    browser.fill("Field_conferenceDecisions", "先行干预，请公安出具告诫书");
    browser.fill("Field_conferenceNote", "会商意见");
    browser.fill("Field_conferenceActions", "每周家访｜｜2026-12-31");
    browser.settle(By.tagName("body"));
    browser.click(browser.driver().findElement(By.xpath("//button[normalize-space()='完成']")));
    // Refused by the server: Tasklist says so (with the reason once the Tasklist shows reasons).
    browser.waiting().until(d -> browser.text().contains("每行写一项行动")
        || browser.text().contains("提交任务表单时发生错误"));
    browser.shot("60-conference-action-without-owner");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    browser.driver().findElement(By.cssSelector("[id$='Field_conferenceActions']")).clear();
    browser.fill("Field_conferenceActions", "每周家访｜鼓楼区社工张某｜2026-12-31\n"
        + "申请告诫书｜区民政王某｜2026-12-15");
    browser.settle(By.tagName("body"));
    browser.shot("61-conference-minutes");
    browser.click(browser.driver().findElement(By.xpath("//button[normalize-space()='完成']")));
    browser.waiting().until(d -> engine.getTaskService().createTaskQuery().taskId(taskId)
        .count() == 0);

    assertThat(engine.getRuntimeService().getVariable(guardianship, "conferenceActions"))
        .isEqualTo("每周家访｜鼓楼区社工张某｜2026-12-31\n申请告诫书｜区民政王某｜2026-12-15");
    assertThat(drive.hasTask(root, "requestMeasure")).isTrue();
  }
}
