package org.childprotection.guardianship;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.court.CourtApplications;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.SeparateApp;
import org.childprotection.support.TestCourt;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The court hand-off against a real HTTP server standing in for the court's system (WireMock),
 * and the court's callbacks on {@code POST /api/court/rulings}.
 */
class CourtHandOffTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CourtApplications applications;

  @AfterEach
  void courtBackUp() {
    TestCourt.up();
  }

  @Test
  void theApplicationReachesTheCourtWithItsGroundsAndEvidence() {
    Proceedings proceedings = filed();
    TestCourt.server().verify(1, postRequestedFor(urlEqualTo("/applications"))
        .withHeader("Idempotency-Key", equalTo(proceedings.application))
        .withRequestBody(matchingJsonPath("$.legalGrounds[0]", equalTo("NEGLECT_6_MONTHS")))
        .withRequestBody(matchingJsonPath("$.applicationType", equalTo("REVOCATION")))
        .withRequestBody(matchingJsonPath("$.evidenceList", equalTo("伤情照片"))));
    assertThat(applications.byNumber(proceedings.application).orElseThrow().status())
        .isEqualTo("SENT");
    assertThat(drive.hasTask(proceedings.root, "recordAcceptance")).isFalse();
  }

  @Test
  void aCourtThatIsDownIsRetriedAndTheApplicationDeliveredOnce() {
    TestCourt.down();
    Proceedings proceedings = startedWithoutSending();
    Job send = engine.getManagementService().createJobQuery()
        .processInstanceId(drive.called(proceedings.root, "court-proceedings"))
        .activityId("sendApplication").singleResult();

    int attempts = 0;
    while (engine.getManagementService().createJobQuery().jobId(send.getId()).singleResult()
        .getRetries() > 0) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(send.getId()));
      attempts++;
    }
    assertThat(attempts).isGreaterThanOrEqualTo(5);
    assertThat(engine.getRuntimeService().createIncidentQuery()
        .activityId("sendApplication").processInstanceId(send.getProcessInstanceId()).count())
        .isEqualTo(1);
    assertThat(applications.byNumber(proceedings.application).orElseThrow().status())
        .isEqualTo("FILED");

    TestCourt.up();
    engine.getManagementService().setJobRetries(send.getId(), 1);
    engine.getManagementService().executeJob(send.getId());

    assertThat(TestCourtRequests.forApplication(proceedings.application)).isEqualTo(attempts + 1);
    assertThat(applications.byNumber(proceedings.application).orElseThrow().status())
        .isEqualTo("SENT");
    assertThat(engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(send.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void malformedCallbacksAre4xxAndChangeNothing() {
    Proceedings proceedings = filed();
    List<Map<String, Object>> bad = List.of(
        Map.of("courtCaseNumber", "（2026）苏01民特1号"),
        Map.of("applicationNumber", proceedings.application),
        Map.of("applicationNumber", proceedings.application, "courtCaseNumber", "案号",
            "outcome", "MAYBE", "rulingDate", LocalDate.now().toString()),
        Map.of("applicationNumber", proceedings.application, "courtCaseNumber", "案号",
            "outcome", "REVOKED", "rulingDate", "28.11.2026"),
        Map.of("applicationNumber", proceedings.application, "courtCaseNumber", "案号",
            "outcome", "REVOKED", "rulingDate", LocalDate.now().plusDays(3).toString()),
        Map.of("applicationNumber", proceedings.application, "courtCaseNumber", "案号",
            "outcome", "RESTORED", "rulingDate", LocalDate.now().toString()));
    for (Map<String, Object> body : bad) {
      Http.Response answer = as("court").postJson("/api/court/rulings", body);
      assertThat(answer.status()).as(body.toString()).isBetween(400, 499);
      assertThat(answer.json().get("errors").get(0).get("message").asText()).isNotBlank();
    }
    assertThat(as("court").postJson("/api/court/rulings", "{\"applicationNumber\":").status())
        .isEqualTo(400);
    Http.Response unknown = as("court").postJson("/api/court/rulings", Map.of(
        "applicationNumber", "SQ-1999-00001", "courtCaseNumber", "案号",
        "acceptedDate", "2026-01-05"));
    assertThat(unknown.status()).isEqualTo(404);

    assertThat(applications.byNumber(proceedings.application).orElseThrow().status())
        .isEqualTo("SENT");
    assertThat(engine.getRuntimeService().createExecutionQuery()
        .processInstanceId(drive.called(proceedings.root, "court-proceedings"))
        .activityId("awaitAcceptance").count()).isEqualTo(1);
  }

  @Test
  void aRepeatedRulingIsAcceptedOnceAndADifferentOneIsAConflict() {
    Proceedings proceedings = filed();
    Map<String, Object> ruling = Map.of("applicationNumber", proceedings.application,
        "courtCaseNumber", "（2026）苏0106民特7号", "outcome", "DISMISSED",
        "rulingDate", LocalDate.now().toString());

    Http.Response first = as("court").postJson("/api/court/rulings", ruling);
    Http.Response repeat = as("court").postJson("/api/court/rulings", ruling);
    Map<String, Object> other = new HashMap<>(ruling);
    other.put("outcome", "REVOKED");
    Http.Response conflict = as("court").postJson("/api/court/rulings", other);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("repeated").asBoolean()).isFalse();
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.json().get("repeated").asBoolean()).isTrue();
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(applications.byNumber(proceedings.application).orElseThrow().outcome())
        .isEqualTo("DISMISSED");
    assertThat(drive.ended(drive.called(proceedings.root,
        "court-proceedings"))).isTrue();
    assertThat(drive.timer(proceedings.root, "monitoringDue")).isNotNull();
  }

  /**
   * Only the court's system may hand back rulings. Anybody else is refused before the body is
   * read, with one answer whatever they send, so the refusal tells nobody which application
   * numbers exist.
   */
  @Test
  void onlyTheCourtMayRecordARulingAndOthersLearnNothing() {
    Proceedings proceedings = filed();
    String courtProceedings = drive.called(proceedings.root, "court-proceedings");
    long audited = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    List<String> bodies = List.of(
        ruling(proceedings.application), ruling("SQ-2099-99999"), "", "{\"applicationNumber\":",
        "{}", "[1,2]");

    List<String> answers = new ArrayList<>();
    for (String user : List.of("qixia", "gulou", "education", "supervisor", "center")) {
      for (String body : bodies) {
        Http.Response answer = as(user).postJson("/api/court/rulings", body);
        assertThat(answer.status()).as(user + " " + body).isEqualTo(403);
        answers.add(answer.body());
      }
    }

    assertThat(answers).containsOnly(answers.get(0));
    assertThat(answers.get(0)).contains("无权访问");
    assertThat(applications.byNumber(proceedings.application).orElseThrow().status())
        .isEqualTo("SENT");
    assertThat(applications.byNumber(proceedings.application).orElseThrow().outcome()).isNull();
    assertThat(engine.getRuntimeService().createExecutionQuery()
        .processInstanceId(courtProceedings).activityId("awaitAcceptance").count()).isEqualTo(1);
    assertThat(drive.ended(courtProceedings)).isFalse();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single())
        .isEqualTo(audited);
    // The court itself is still heard.
    assertThat(as("court").postJson("/api/court/rulings", ruling(proceedings.application))
        .status()).isEqualTo(200);
    assertThat(applications.byNumber(proceedings.application).orElseThrow().outcome())
        .isEqualTo("REVOKED");
  }

  private static String ruling(String applicationNumber) {
    return "{\"applicationNumber\":\"" + applicationNumber + "\",\"courtCaseNumber\":"
        + "\"（2026）苏0113民特9号\",\"outcome\":\"REVOKED\",\"rulingDate\":\""
        + LocalDate.now() + "\"}";
  }

  @Test
  void withoutACourtEndpointTheHandOffIsATaskForTheCourt() {
    try (ConfigurableApplicationContext app = SeparateApp.start(TestDatabase.freshDatabaseUrl(),
        "demo", "COURT_URL=")) {
      ProcessEngine separate = app.getBean(ProcessEngine.class);
      String instance = separate.getRuntimeService().startProcessInstanceByKey(
          "court-proceedings", Map.of("district", "gulou", "applicationNumber", "SQ-2026-99999",
              "applicationType", "REVOCATION", "caseNumber", "NJ-2026-999999")).getId();

      assertThat(separate.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey("recordAcceptance").taskCandidateGroup("court").count())
          .isEqualTo(1);
    }
  }

  /** A case up to the filed application; the court's stand-in answers as set. */
  private Proceedings startedWithoutSending() {
    GuardianshipWalk walk = new GuardianshipWalk(this::as, engine);
    String root = walk.upToApplication();
    return new Proceedings(root, walk.applicationNumber(root));
  }

  private Proceedings filed() {
    Proceedings proceedings = startedWithoutSending();
    drive.runJobs(proceedings.root);
    return proceedings;
  }

  private record Proceedings(String root, String application) {}
}
