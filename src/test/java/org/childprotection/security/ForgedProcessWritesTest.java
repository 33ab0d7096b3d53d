package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.organisation.DemoUsers;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, part 1, replayed as the attackers did it, with the real logins of every non-admin
 * demo user: nobody but an administrator starts the platform's processes with variables and
 * start instructions of their own, modifies, restarts or migrates their instances; a task
 * submitted with forged hidden fields (another case's id, another district) is refused; and a
 * step that finds its variables naming another case than its own writes nothing. Each test
 * compares the registry and the engine before and after, not only the status code.
 */
class ForgedProcessWritesTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PROCESSES = List.of("child-protection-case",
      "guardianship-transfer", "court-proceedings", "district-survey");

  @Autowired
  JdbcClient jdbc;

  /** A 鼓楼 case waiting for its assessment: the target of every attack. */
  private String target;
  private long targetCaseId;

  @BeforeEach
  void aCaseToAttack() {
    target = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    targetCaseId = ((Number) engine.getRuntimeService().getVariable(target, "caseId"))
        .longValue();
  }

  @Test
  void nobodyButAnAdministratorStartsAProcessThroughTheRestApi() throws Exception {
    Snapshot before = snapshot();
    List<String> accepted = new ArrayList<>();
    for (String user : DemoUsers.users().keySet()) {
      Http caller = as(user);
      for (String key : PROCESSES) {
        String base = "/engine-rest/process-definition/key/" + key;
        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("start", caller.postJson(base + "/start", forgedStart(false)));
        answers.put("start with instructions", caller.postJson(base + "/start",
            forgedStart(true)));
        answers.put("submit-form", caller.postJson(base + "/submit-form", forgedStart(false)));
        answers.forEach((what, answer) -> {
          if (answer.status() != 403) {
            accepted.add(user + " " + what + " " + key + ": " + answer);
          }
        });
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theProcessesAreNotOfferedInTasklistsStartListButTheRegistrationsAre() {
    List<String> startable = new ArrayList<>();
    as("gulou").get("/engine-rest/process-definition?latest=true&startableInTasklist=true"
            + "&startablePermissionCheck=true").json()
        .forEach(definition -> startable.add(definition.get("key").asText()));
    assertThat(startable).containsExactly("case-registration");

    List<String> supervisor = new ArrayList<>();
    as("supervisor").get("/engine-rest/process-definition?latest=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&sortBy=key&sortOrder=asc").json()
        .forEach(definition -> supervisor.add(definition.get("key").asText()));
    assertThat(supervisor).containsExactly("case-registration", "survey-launch");
  }

  @Test
  void nobodyButAnAdministratorModifiesRestartsOrMigratesAnInstance() throws Exception {
    String definition = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(target).singleResult().getProcessDefinitionId();
    // A restart needs an instance that ended.
    String ended = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    engine.getRuntimeService().deleteProcessInstance(ended, "ended for the restart attack");
    Snapshot before = snapshot();
    List<String> accepted = new ArrayList<>();
    for (String user : DemoUsers.users().keySet()) {
      Http caller = as(user);
      Map<String, Http.Response> answers = new LinkedHashMap<>();
      answers.put("modification", caller.postJson(
          "/engine-rest/process-instance/" + target + "/modification", JSON.writeValueAsString(
              Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                  "activityId", "closeResolved")), "skipCustomListeners", true))));
      answers.put("variables", caller.postJson(
          "/engine-rest/process-instance/" + target + "/variables", JSON.writeValueAsString(
              Map.of("modifications", Map.of("caseId", Map.of("value", 1, "type", "Long"))))));
      answers.put("restart", caller.postJson(
          "/engine-rest/process-definition/" + definition + "/restart", JSON.writeValueAsString(
              Map.of("processInstanceIds", List.of(ended), "instructions",
                  List.of(Map.of("type", "startBeforeActivity", "activityId", "closeResolved"))))));
      answers.put("migration", caller.postJson("/engine-rest/migration/execute",
          JSON.writeValueAsString(Map.of("migrationPlan", Map.of(
                  "sourceProcessDefinitionId", definition,
                  "targetProcessDefinitionId", definition,
                  "instructions", List.of(Map.of("sourceActivityIds", List.of("assessFamily"),
                      "targetActivityIds", List.of("closeResolved")))),
              "processInstanceIds", List.of(target)))));
      answers.put("execution signal", caller.postJson(
          "/engine-rest/execution/" + target + "/signal", JSON.writeValueAsString(
              Map.of("variables", Map.of("riskLevel", Map.of("value", "GREEN"))))));
      answers.put("message", caller.postJson("/engine-rest/message", JSON.writeValueAsString(
          Map.of("messageName", "ReportMerged", "processInstanceId", target,
              "processVariables", Map.of("urgent", Map.of("value", false))))));
      answers.put("suspension", caller.send("PUT",
          "/engine-rest/process-instance/" + target + "/suspended", "application/json",
          "{\"suspended\":true}"));
      answers.forEach((what, answer) -> {
        if (answer.status() < 400 || answer.status() >= 500) {
          accepted.add(user + " " + what + ": " + answer);
        }
      });
    }
    assertThat(accepted).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(drive.hasTask(target, "assessFamily")).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(target)
        .active().count()).isEqualTo(1);
  }

  @Test
  void theIssuesAttackClosesNoCase() throws Exception {
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(target).singleResult().getBusinessKey();
    Snapshot before = snapshot();

    Http.Response answer = as("qixia").postJson(
        "/engine-rest/process-definition/key/child-protection-case/start",
        JSON.writeValueAsString(Map.of(
            "variables", Map.of("caseId", Map.of("value", targetCaseId, "type", "Long"),
                "district", Map.of("value", "qixia"),
                "closureNote", Map.of("value", "forged")),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "closeResolved")))));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(as("gulou").get("/api/cases/" + caseNumber).json().get("status").asText())
        .isEqualTo("OPEN");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aStepWhoseVariablesNameAnotherCaseIsRefusedEvenForAnAdministrator() throws Exception {
    Snapshot before = snapshot();

    // An administrator may start the process, but the case it would write to is not its own.
    Http.Response answer = as("demo").postJson(
        "/engine-rest/process-definition/key/child-protection-case/start",
        JSON.writeValueAsString(Map.of(
            "businessKey", "NJ-2026-999999",
            "variables", Map.of("caseId", Map.of("value", targetCaseId, "type", "Long"),
                "district", Map.of("value", "gulou"),
                "adultDate", Map.of("value", "2040-01-01T00:00:00.000+0800", "type", "Date"),
                "closureNote", Map.of("value", "forged")),
            "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "closeResolved")))));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.body()).contains("caseNumber").contains("与本案件的登记信息不符");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aTaskSubmittedWithForgedHiddenFieldsIsRefusedAndWritesNothing() throws Exception {
    String other = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    long otherCaseId = ((Number) engine.getRuntimeService().getVariable(other, "caseId"))
        .longValue();
    String task = drive.task(target, "assessFamily").getId();
    Http gulou = as("gulou");
    assertThat(gulou.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\":\"gulou\"}")
        .status()).isEqualTo(204);
    Snapshot before = snapshot();

    Map<String, Object[]> forgeries = new LinkedHashMap<>();
    forgeries.put("caseId", new Object[] {otherCaseId, "Long"});
    forgeries.put("childId", new Object[] {otherCaseId + 1_000_000, "Long"});
    forgeries.put("district", new Object[] {"qixia", "String"});
    forgeries.put("caseNumber", new Object[] {"NJ-2026-999999", "String"});
    for (Map.Entry<String, Object[]> forged : forgeries.entrySet()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      CaseFixtures.greenAnswers().forEach((k, v) -> variables.put(k, Map.of("value", v)));
      variables.put(forged.getKey(), Map.of("value", forged.getValue()[0],
          "type", forged.getValue()[1]));
      String body = JSON.writeValueAsString(Map.of("variables", variables));

      for (String door : List.of("/submit-form", "/complete")) {
        Http.Response answer = gulou.postJson("/engine-rest/task/" + task + door, body);
        assertThat(answer.status()).as(forged.getKey() + door + ": " + answer).isEqualTo(400);
        assertThat(answer.body()).contains(forged.getKey()).contains("与本案件的登记信息不符");
      }
    }
    // Beside the form, a candidate may not change the case's variables at all.
    assertThat(gulou.postJson("/engine-rest/task/" + task + "/variables", JSON.writeValueAsString(
        Map.of("modifications", Map.of("caseId", Map.of("value", otherCaseId, "type", "Long")))))
        .status()).isEqualTo(403);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(drive.hasTask(target, "assessFamily")).isTrue();
    assertThat(engine.getRuntimeService().getVariable(target, "caseId")).isEqualTo(targetCaseId);
    assertThat(engine.getRuntimeService().getVariable(target, "district")).isEqualTo("gulou");

    // The honest submission still works.
    Map<String, Object> honest = new LinkedHashMap<>();
    CaseFixtures.greenAnswers().forEach((k, v) -> honest.put(k, Map.of("value", v)));
    assertThat(gulou.postJson("/engine-rest/task/" + task + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", honest))).status()).isEqualTo(204);
    assertThat(assessments(targetCaseId)).isEqualTo(1);
    assertThat(assessments(otherCaseId)).isZero();
  }

  @Test
  void aJobWhoseVariablesNameAnotherCaseEndsAsAnIncidentAndSendsNothing() {
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", true, "LEFT_BEHIND"));
    String instance = opened.json().get("processInstanceId").asText();
    String caseNumber = opened.json().get("caseNumber").asText();
    long sentWithTheReport = notifications(caseNumber);
    // Say a forged value got into the case's variables by a way not closed yet.
    engine.getRuntimeService().setVariable(instance, "caseId", targetCaseId);
    Job notify = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .activityId("notifyPolice").singleResult();

    // Every attempt is refused, on the step's retry cycle, until the retries run out.
    for (int attempt = 0; attempt < 20 && engine.getManagementService().createJobQuery()
        .jobId(notify.getId()).singleResult().getRetries() > 0; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(notify.getId()))
          .hasMessageContaining("caseId").hasMessageContaining("与本案件的登记信息不符");
    }

    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance)
        .activityId("notifyPolice").count()).isEqualTo(1);
    assertThat(notifications(caseNumber)).as("the police were sent nothing")
        .isEqualTo(sentWithTheReport);
  }

  private long notifications(String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE case_number = ?")
        .param(caseNumber).query(Long.class).single();
  }

  @Test
  void aRegistrationsForgedVariablesNeverReachACase() throws Exception {
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(target).singleResult().getBusinessKey();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("childName", Map.of("value", "登记儿童"));
    variables.put("childGender", Map.of("value", "M"));
    variables.put("childIdNumber", Map.of("value",
        CaseFixtures.idNumber(LocalDate.now().minusYears(7))));
    variables.put("district", Map.of("value", "gulou"));
    variables.put("description", Map.of("value", "社区发现"));
    variables.put("suspectedCategories", Map.of("value", "[\"LEFT_BEHIND\"]", "type", "Json"));
    variables.put("caseId", Map.of("value", targetCaseId, "type", "Long"));
    variables.put("caseNumber", Map.of("value", caseNumber));
    variables.put("closureNote", Map.of("value", "forged"));
    long before = assessments(targetCaseId);

    Http.Response started = as("qixia").postJson(
        "/engine-rest/process-definition/key/case-registration/start",
        JSON.writeValueAsString(Map.of("variables", variables, "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "registerCase")))));

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String opened = started.json().get("businessKey").asText();
    assertThat(opened).isNotEqualTo(caseNumber);
    Map<String, Object> newCase = engine.getRuntimeService().getVariables(engine
        .getRuntimeService().createProcessInstanceQuery().processDefinitionKey(
            "child-protection-case").processInstanceBusinessKey(opened).singleResult().getId());
    assertThat(newCase.get("caseId")).isNotEqualTo(targetCaseId);
    assertThat(newCase).doesNotContainKey("closureNote");
    assertThat(as("gulou").get("/api/cases/" + caseNumber).json().get("status").asText())
        .isEqualTo("OPEN");
    assertThat(assessments(targetCaseId)).isEqualTo(before);
  }

  private long assessments(long caseId) {
    return jdbc.sql("SELECT COUNT(*) FROM assessment WHERE case_id = ?").param(caseId)
        .query(Long.class).single();
  }

  private String forgedStart(boolean instructions) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", Map.of(
        "caseId", Map.of("value", targetCaseId, "type", "Long"),
        "district", Map.of("value", "gulou"),
        "riskLevel", Map.of("value", "GREEN"),
        "closureNote", Map.of("value", "forged")));
    if (instructions) {
      body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity",
          "activityId", "closeResolved")));
    }
    return JSON.writeValueAsString(body);
  }

  /** What an attack could have changed: registry rows and the engine's instances and jobs. */
  private record Snapshot(Map<String, Long> counts, String targetCase, List<String> activities) {}

  private Snapshot snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("protection_case", "child", "report", "assessment", "referral",
        "visit", "court_application", "guardianship_measure", "notification", "ACT_HI_PROCINST", "ACT_RU_EXECUTION", "ACT_RU_TASK",
        "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_RU_INCIDENT")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    String targetCase = jdbc.sql("SELECT status || '/' || COALESCE(risk_level, '-') || '/' || "
            + "COALESCE(closure_note, '-') FROM protection_case WHERE id = ?")
        .param(targetCaseId).query(String.class).single();
    List<String> activities = engine.getRuntimeService().createExecutionQuery()
        .processInstanceId(target).list().stream()
        .map(e -> e.getId() + ":" + e.isSuspended()).sorted().toList();
    return new Snapshot(counts, targetCase, activities);
  }
}
