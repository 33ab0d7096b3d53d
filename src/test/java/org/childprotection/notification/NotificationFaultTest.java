package org.childprotection.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.DeliveryJobs;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A notification whose channel is down: the center's notification of a new report is in its
 * outbox with the report, and its delivery by webhook fails, retries on the configured back-off,
 * ends as an incident a supervisor sees in Cockpit, and once the channel is back and the job is
 * retried (as Cockpit's "retry" does) it is delivered exactly once, even after the case's
 * instance has gone. Nothing is lost, and nothing waits for it.
 */
class NotificationFaultTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void channelBackUp() {
    TestWebhook.down(false);
  }

  @Test
  void aChannelThatIsDownEndsAsAnIncidentAndDeliversOnceWhenBack() {
    TestWebhook.down(true);
    String instance = openCase();
    String key = centerNotificationKey(instance);
    assertThat(key).startsWith("activity:notifyCenter");
    assertThat(outboxRows(key)).as("the center's outbox has it with the report").isEqualTo(1);
    ManagementService management = engine.getManagementService();
    Job job = DeliveryJobs.single(engine, instance, "notifyCenter");

    Instant before = Instant.now();
    assertThatThrownBy(() -> management.executeJob(job.getId()));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("triage").count())
        .as("the center's triage does not wait for its notification").isEqualTo(1);
    Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getExceptionMessage()).isNotBlank();
    assertThat(retried.getDuedate().toInstant())
        .isAfter(before.plus(Duration.ofSeconds(50)))
        .isBefore(before.plus(Duration.ofSeconds(70)));

    int attempts = 1;
    while (management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(job.getId()));
      attempts++;
    }
    assertThat(attempts).isGreaterThanOrEqualTo(5);
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getActivityId()).isEqualTo("notifyCenter");
    assertThat(incidents.get(0).getTenantId()).isEqualTo("qixia");
    assertThat(webhookRows(key)).as("nothing recorded as delivered").isZero();
    assertThat(TestWebhook.refused(key)).as(TestWebhook.deliveries().toString()).isEqualTo(attempts);

    TestWebhook.down(false);
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance)
        .count()).isZero();
    assertThat(TestWebhook.accepted(key)).isEqualTo(1);
    assertThat(webhookRows(key)).isEqualTo(1);
    assertThat(outboxRows(key)).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("triage").count()).isEqualTo(1);
  }

  @Test
  void aDeliveryOutlivesItsCasesInstance() {
    TestWebhook.down(true);
    String instance = openCase();
    String key = centerNotificationKey(instance);
    Job job = DeliveryJobs.single(engine, instance, "notifyCenter");
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));

    engine.getRuntimeService().deleteProcessInstance(instance, "测试：实例先于通知结束");
    TestWebhook.down(false);
    engine.getManagementService().executeJob(job.getId());

    assertThat(TestWebhook.accepted(key)).isEqualTo(1);
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).count())
        .isZero();
  }

  @Test
  void aChannelThatIsDownForTheCenterDoesNotHoldThePoliceBack() {
    TestWebhook.down(true);
    String instance = openCase(true);
    ManagementService management = engine.getManagementService();
    Job center = DeliveryJobs.single(engine, instance, "notifyCenter");
    assertThatThrownBy(() -> management.executeJob(center.getId()));

    Job police = management.createJobQuery().processInstanceId(instance)
        .activityId("notifyPolice").singleResult();
    assertThat(police).as("the police dispatch is due with the report").isNotNull();
    TestWebhook.down(false);
    management.executeJob(police.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("policeResponse").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("triage").count()).isEqualTo(1);
    assertThat(management.createJobQuery().jobId(center.getId()).singleResult()
        .getExceptionMessage()).as("the center's notification still retries").isNotBlank();
  }

  private String centerNotificationKey(String instance) {
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance).singleResult().getBusinessKey();
    return jdbc.sql("SELECT idempotency_key FROM notification WHERE case_number = ? "
            + "AND channel = 'OUTBOX' AND recipient = 'protection-center'")
        .param(caseNumber).query(String.class).single();
  }

  private long webhookRows(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = ? "
        + "AND channel = 'WEBHOOK'").param(key).query(Long.class).single();
  }

  private long outboxRows(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = ? "
        + "AND channel = 'OUTBOX'").param(key).query(Long.class).single();
  }

  private String openCase() {
    return openCase(false);
  }

  private String openCase(boolean immediateDanger) {
    Map<String, Object> report = new HashMap<>();
    report.put("immediateDanger", immediateDanger);
    report.put("channel", "WALK_IN");
    report.put("child", Map.of("name", "测试儿童", "gender", "F", "idNumber",
        CaseFixtures.idNumber(LocalDate.now().minusYears(11))));
    report.put("location", Map.of("district", "qixia"));
    report.put("suspectedCategories", List.of("SPECIAL_HARDSHIP"));
    Http.Response answer = as("center").postJson("/api/reports", report);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("processInstanceId").asText();
  }
}
