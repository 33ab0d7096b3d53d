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
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A notification whose channel is down: the job fails, retries on the configured back-off,
 * ends as an incident a supervisor sees in Cockpit, and once the channel is back and the job is
 * retried (as Cockpit's "retry" does) it is delivered exactly once. Nothing is lost.
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
    ManagementService management = engine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(instance).activityId("notifyCenter")
        .singleResult();
    String key = "job:" + job.getId();

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
    assertThat(outboxRows(key)).as("a failed job keeps nothing half-written").isZero();
    assertThat(TestWebhook.refused(key)).as(TestWebhook.deliveries().toString()).isEqualTo(attempts);

    TestWebhook.down(false);
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance)
        .count()).isZero();
    assertThat(TestWebhook.accepted(key)).isEqualTo(1);
    assertThat(outboxRows(key)).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("triage").count()).isEqualTo(1);
  }

  @Test
  void aChannelThatIsDownForTheCenterDoesNotHoldThePoliceBack() {
    TestWebhook.down(true);
    String instance = openCase(true);
    ManagementService management = engine.getManagementService();
    Job center = management.createJobQuery().processInstanceId(instance)
        .activityId("notifyCenter").singleResult();
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
