package org.childprotection.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.casework.CaseFixtures.greenAnswers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two caseworkers complete the same task, as Tasklist does it (submit-form): one wins, the other
 * gets a 409 saying who completed it and when, and the case moves on exactly once. At the same
 * moment (two threads released together, many rounds, so that the completions really overlap)
 * and one after the other. A worker of another district learns nothing.
 */
class ConcurrentCompletionTest extends PlatformTest {

  private static final int ROUNDS = 12;
  private static final String ASSESSMENT = "assessFamily";

  @Autowired
  JdbcClient jdbc;

  private ExecutorService workers;

  @BeforeEach
  void setUp() {
    workers = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() {
    workers.shutdownNow();
  }

  @Test
  void twoWorkersAtTheSameMomentOneWinsTheOtherGetsAConflict() throws Exception {
    Map<String, Integer> winners = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String instance = caseAwaitingAssessment();
      String task = drive.task(instance, ASSESSMENT).getId();
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<Http.Response> byGulou = submitAt(together, as("gulou"), task);
      CompletableFuture<Http.Response> byCenter = submitAt(together, as("center"), task);
      Http.Response gulou = byGulou.get(60, TimeUnit.SECONDS);
      Http.Response center = byCenter.get(60, TimeUnit.SECONDS);

      List<Integer> statuses = List.of(gulou.status(), center.status());
      assertThat(statuses).as("round %d: %s / %s", round, gulou, center)
          .containsExactlyInAnyOrder(204, 409);
      String winner = gulou.status() == 204 ? "gulou" : "center";
      Http.Response loser = gulou.status() == 204 ? center : gulou;
      assertConflict(loser, winner);
      winners.merge(winner, 1, Integer::sum);
      assertAdvancedOnce(instance, task, winner);
    }
    System.out.println("Concurrent completions: " + ROUNDS + " rounds, won by " + winners);
  }

  @Test
  void whoeverComesAfterTheCompletionGetsAConflictOnEveryEndpoint() {
    String instance = caseAwaitingAssessment();
    String task = drive.task(instance, ASSESSMENT).getId();

    assertThat(submit(as("gulou"), task).status()).isEqualTo(204);
    assertConflict(submit(as("center"), task), "gulou");
    assertConflict(as("center").postJson("/engine-rest/task/" + task + "/complete",
        Map.of("variables", restVariables(greenAnswers()))), "gulou");
    assertConflict(submit(as("gulou"), task), "gulou");
    assertAdvancedOnce(instance, task, "gulou");
  }

  @Test
  void tasklistGetsTheConflictThroughItsOwnSession() {
    String instance = caseAwaitingAssessment();
    String task = drive.task(instance, ASSESSMENT).getId();
    assertThat(submit(as("center"), task).status()).isEqualTo(204);

    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", "gulou", "gulou").status()).isEqualTo(200);

    assertConflict(session.postJson("/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", Map.of("variables", restVariables(greenAnswers()))), "center");
    assertAdvancedOnce(instance, task, "center");
  }

  @Test
  void aWorkerOfAnotherDistrictLearnsNothing() {
    String instance = caseAwaitingAssessment();
    String task = drive.task(instance, ASSESSMENT).getId();
    Http qixia = as("qixia");
    Http.Response whileOpen = submit(qixia, task);
    Http.Response unknown = submit(qixia, UUID.randomUUID().toString());

    assertThat(submit(as("gulou"), task).status()).isEqualTo(204);
    Http.Response afterCompletion = submit(qixia, task);

    for (Http.Response answer : List.of(whileOpen, afterCompletion)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(unknown.status())
          .isNotEqualTo(409);
      assertThat(answer.json().get("type").asText()).isEqualTo(unknown.json().get("type")
          .asText());
      assertThat(answer.body()).doesNotContain("gulou", "完成", "TaskConflict");
    }
    assertAdvancedOnce(instance, task, "gulou");
  }

  /**
   * A member unit does not read the case's history, but the referral was offered to it: its
   * worker gets the conflict; another unit, though in every district, gets nothing.
   */
  @Test
  void aMemberUnitGetsTheConflictForATaskOfferedToIt() {
    String instance = caseAwaitingAssessment();
    drive.complete(instance, ASSESSMENT, CaseFixtures.with(CaseFixtures.yellowAnswers(),
        "needSchooling", true));
    String referral = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("handleReferral").taskCandidateGroup("education").singleResult()
        .getId();
    Map<String, Object> feedback = Map.of("variables", restVariables(Map.of(
        "referralAction", "已办理", "referralResult", "DONE", "referralFeedback", "已落实")));
    String path = "/engine-rest/task/" + referral + "/submit-form";

    assertThat(as("education").postJson(path, feedback).status()).isEqualTo(204);
    assertConflict(as("education").postJson(path, feedback), "education");
    Http.Response otherUnit = as("health").postJson(path, feedback);
    assertThat(otherUnit.status()).as(otherUnit.toString()).isNotEqualTo(409);
    assertThat(otherUnit.body()).doesNotContain("education", "完成");
  }

  @Test
  void aFailureOfAnOpenTaskIsNotMadeAConflict() {
    String instance = caseAwaitingAssessment();
    String task = drive.task(instance, ASSESSMENT).getId();
    Http.Response unknownTask = submit(as("gulou"), UUID.randomUUID().toString());
    assertThat(unknownTask.status()).isNotEqualTo(409);

    Map<String, Object> unreadable = new HashMap<>(greenAnswers());
    unreadable.put("income", "NOT_A_LEVEL");
    Http.Response failed = as("gulou").postJson("/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", restVariables(unreadable)));
    assertThat(failed.status()).as(failed.toString()).isBetween(400, 599).isNotEqualTo(409);
    assertThat(drive.hasTask(instance, ASSESSMENT)).isTrue();
  }

  // --- the case and the completions -----------------------------------------------------------

  private String caseAwaitingAssessment() {
    return CaseFixtures.caseAwaitingAssessment(as("center"), drive);
  }

  private CompletableFuture<Http.Response> submitAt(CyclicBarrier together, Http user,
      String task) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        together.await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return submit(user, task);
    }, workers);
  }

  /** What Tasklist sends when a form is submitted. */
  private static Http.Response submit(Http user, String task) {
    return user.postJson("/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", restVariables(greenAnswers())));
  }

  private static Map<String, Object> restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  private static void assertConflict(Http.Response answer, String completedBy) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode error = answer.json();
    assertThat(error.get("type").asText()).isEqualTo("TaskConflictException");
    assertThat(error.get("message").asText()).matches("该任务已由 " + completedBy
        + " 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 完成，请刷新任务列表");
  }

  /** The task was completed once, by the winner, and the case moved on once. */
  private void assertAdvancedOnce(String instance, String task, String winner) {
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance).taskDefinitionKey(ASSESSMENT).count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task)
        .singleResult().getEndTime()).isNotNull();
    List<String> completers = new ArrayList<>();
    engine.getHistoryService().createUserOperationLogQuery().taskId(task)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
        .forEach(entry -> completers.add(entry.getUserId()));
    assertThat(completers).isNotEmpty().containsOnly(winner);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment a JOIN protection_case c "
            + "ON c.id = a.case_id WHERE c.process_instance_id = ?")
        .param(instance).query(Long.class).single()).isEqualTo(1);
    drive.runJobs(instance);
    assertThat(drive.timer(instance, "waitForVisit")).isNotNull();
    assertThat(drive.hasTask(instance, ASSESSMENT)).isFalse();
  }
}
