package org.childprotection.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.childprotection.support.Http;
import org.childprotection.support.ScenarioTest;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code district-survey}: launched in Tasklist (through {@code survey-launch}),
 * worked in Tasklist.
 */
class DistrictSurveyTest extends ScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSurveyRunsFromLaunchThroughCorrectionsToAcceptance() throws Exception {
    String survey = launch(LocalDate.now().plusDays(30));
    ProcessInstance instance = processInstanceQuery().processInstanceId(survey).singleResult();
    assertThat(instance.getTenantId()).isEqualTo("qixia");
    assertThat(instance.getBusinessKey()).startsWith("摸底排查-栖霞区-");
    assertThat(drive.task(survey, "collectLedger")).hasCandidateGroup("district-qixia");

    String task = drive.task(survey, "collectLedger").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task,
        Map.of("importId", "no-such-import"))).hasMessageContaining("找不到本区的这次导入");

    String importId = importLedger();
    drive.complete(survey, "collectLedger", Map.of("importId", importId));
    assertThat(instance).variables().containsEntry("importAccepted", 2)
        .containsEntry("importCasesOpened", 1);
    drive.complete(survey, "reviewLedger", Map.of("ledgerAccepted", false,
        "reviewComment", "请补充街道信息"));
    drive.complete(survey, "collectLedger", Map.of("importId", importId));
    drive.complete(survey, "reviewLedger", Map.of("ledgerAccepted", true,
        "reviewComment", "同意"));

    assertThat(instance).isEnded();
  }

  @Test
  void anOverdueSurveyIsEscalated() throws Exception {
    String survey = launch(LocalDate.now().plusDays(1));
    drive.fire(survey, "SurveyOverdue");
    assertThat(outbox(survey, "civil-affairs")).hasSize(1);
    assertThat(drive.hasTask(survey, "collectLedger")).isTrue();
  }

  private String launch(LocalDate deadline) throws Exception {
    String form = JSON.writeValueAsString(Map.of("variables", Map.of(
        "district", Map.of("value", "qixia"),
        "surveyDeadline", Map.of("value", deadline.toString()),
        "surveyNote", Map.of("value", "全面排查"))));
    Http.Response started = as("supervisor").postJson(
        "/engine-rest/process-definition/key/survey-launch/submit-form", form);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(started.json().get("id").asText())
        .variableName("surveyProcessInstanceId").singleResult().getValue();
  }

  private String importLedger() {
    Http.Response started = as("qixia").postMultipart("/api/ledgers", Map.of("district", "qixia"),
        "file", "survey.csv", Ledgers.csv(StandardCharsets.UTF_8, false, List.of(
            Ledgers.row("排查一", Ledgers.idNumber(9), false),
            Ledgers.row("排查二", Ledgers.idNumber(10), true))));
    String id = started.json().get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!"DONE".equals(as("qixia").get("/api/ledgers/" + id).json().get("status").asText())
        && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return id;
  }
}
