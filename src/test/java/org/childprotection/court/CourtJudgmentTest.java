package org.childprotection.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.guardianship.GuardianshipWalk;
import org.childprotection.support.Http;
import org.childprotection.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The court's part of {@code court-proceedings} (SPEC 5.4): the court gives a judgment (判决),
 * and the special procedure's time limit runs from the acceptance date the court gives, whether
 * its system calls back or a court user records it in Tasklist, however late that happens. Each
 * case starts at the court: a new case whose guardianship procedure is entered where 民政 files
 * its application, which is handed to the court.
 */
class CourtJudgmentTest extends ScenarioTest {

  @Autowired
  CourtApplications applications;

  /** The city's clock: the court's dates are Nanjing's. */
  @Autowired
  Clock clock;

  @Test
  void theJudgmentIsDueThirtyDaysFromTheAcceptanceDateTheCourtGivesNotFromWhenItWasRecorded() {
    Proceedings proceedings = atCourt();
    sentDaysAgo(proceedings, 12);
    LocalDate accepted = today().minusDays(10);

    Http.Response answer = callback(proceedings, Map.of("acceptedDate", accepted.toString()));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(applications.byNumber(proceedings.application).orElseThrow())
        .satisfies(a -> assertThat(a.status()).isEqualTo("ACCEPTED"))
        .satisfies(a -> assertThat(a.acceptedDate()).isEqualTo(accepted));
    overdueOnlyOnceTheThirtiethDayAfterAcceptanceHasPassed(proceedings, "RulingOverdue",
        accepted);
    assertThat(drive.variables(proceedings.court)).containsEntry("acceptedDate",
        accepted.toString());
    JsonNode file = as("supervisor").get("/api/cases/" + proceedings.caseNumber).json();
    assertThat(file.at("/guardianship/applications/0/acceptedDate").asText())
        .isEqualTo(accepted.toString());
    assertThat(file.get("timeline").toString()).contains("受理日期 " + accepted);
    assertThat(engine.getRuntimeService().createExecutionQuery()
        .processInstanceId(proceedings.court).activityId("awaitRuling").count())
        .as("the court is flagged, its judgment still awaited").isEqualTo(1);
  }

  @Test
  void aCourtUserEntersTheAcceptanceDateAndTheThirtyDaysRunFromIt() {
    Proceedings proceedings = inTasklist(atCourt());
    sentDaysAgo(proceedings, 12);
    LocalDate accepted = today().minusDays(10);

    drive.complete(proceedings.root, "recordAcceptance", Map.of(
        "courtCaseNumber", "（2026）苏0106民特21号", "acceptedDate", accepted.toString()));

    assertThat(applications.byNumber(proceedings.application).orElseThrow())
        .satisfies(a -> assertThat(a.status()).isEqualTo("ACCEPTED"))
        .satisfies(a -> assertThat(a.courtCaseNumber()).isEqualTo("（2026）苏0106民特21号"))
        .satisfies(a -> assertThat(a.acceptedDate()).isEqualTo(accepted));
    assertThat(drive.task(proceedings.root, "recordRuling").getName()).isEqualTo("法院审理并判决");
    overdueOnlyOnceTheThirtiethDayAfterAcceptanceHasPassed(proceedings, "OfflineRulingOverdue",
        accepted);
  }

  @Test
  void anAcceptanceDateMustBeThePastAndNotBeforeTheApplicationReachedTheCourt() {
    Proceedings proceedings = atCourt();
    sentDaysAgo(proceedings, 2);
    Map<String, Object> missing = new HashMap<>();
    missing.put("acceptedDate", null);

    for (Map<String, Object> wrong : List.<Map<String, Object>>of(missing,
        Map.of("acceptedDate", "20.11.2026"),
        Map.of("acceptedDate", today().plusDays(1).toString()),
        Map.of("acceptedDate", today().minusDays(3).toString()))) {
      Http.Response answer = callback(proceedings, wrong);
      assertThat(answer.status()).as(wrong + " " + answer).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asText())
          .isEqualTo("acceptedDate");
    }
    assertThat(callback(proceedings, Map.of("acceptedDate", today().minusDays(3).toString()))
        .json().get("errors").get(0).get("message").asText()).contains("受理日期不能早于申请移送法院的日期");
    assertThat(applications.byNumber(proceedings.application).orElseThrow().status())
        .isEqualTo("SENT");

    inTasklist(proceedings);
    String task = drive.task(proceedings.root, "recordAcceptance").getId();
    for (String wrong : new String[] {today().plusDays(1).toString(),
        today().minusDays(3).toString()}) {
      assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of(
          "courtCaseNumber", "（2026）苏0106民特22号", "acceptedDate", wrong)))
          .hasMessageContaining("acceptedDate：受理日期不能");
    }
    assertThat(drive.hasTask(proceedings.root, "recordAcceptance")).isTrue();
    assertThat(applications.byNumber(proceedings.application).orElseThrow().acceptedDate())
        .isNull();
  }

  @Test
  void theCourtKeepsToTheAcceptanceDateItGave() {
    Proceedings proceedings = atCourt();
    sentDaysAgo(proceedings, 12);
    LocalDate accepted = today().minusDays(10);

    Http.Response first = callback(proceedings, Map.of("acceptedDate", accepted.toString()));
    Http.Response repeat = callback(proceedings, Map.of("acceptedDate", accepted.toString()));
    Http.Response other = callback(proceedings,
        Map.of("acceptedDate", accepted.plusDays(1).toString()));
    Http.Response judgmentWithOtherDate = callback(proceedings, Map.of("outcome", "DISMISSED",
        "rulingDate", today().toString(), "acceptedDate", accepted.minusDays(1).toString()));

    assertThat(first.status()).isEqualTo(200);
    assertThat(repeat.json().get("repeated").asBoolean()).isTrue();
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("errors").get(0).get("message").asText())
        .contains("受理日期 " + accepted);
    assertThat(judgmentWithOtherDate.status()).isEqualTo(409);
    assertThat(applications.byNumber(proceedings.application).orElseThrow())
        .satisfies(a -> assertThat(a.acceptedDate()).isEqualTo(accepted))
        .satisfies(a -> assertThat(a.outcome()).isNull());
  }

  @Test
  void aJudgmentThatComesFirstMayBringTheAcceptanceDate() {
    Proceedings proceedings = atCourt();
    sentDaysAgo(proceedings, 40);
    LocalDate accepted = today().minusDays(35);

    Http.Response answer = callback(proceedings, Map.of("outcome", "REVOKED",
        "rulingDate", today().toString(), "acceptedDate", accepted.toString(),
        "appointedGuardian", "祖母"));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(applications.byNumber(proceedings.application).orElseThrow())
        .satisfies(a -> assertThat(a.acceptedDate()).isEqualTo(accepted))
        .satisfies(a -> assertThat(a.outcome()).isEqualTo("REVOKED"));
    assertThat(drive.ended(proceedings.court)).isTrue();
    assertThat(callback(proceedings, Map.of("outcome", "REVOKED",
        "rulingDate", accepted.minusDays(1).toString(), "acceptedDate", accepted.toString()))
        .json().get("errors").get(0).get("message").asText()).isEqualTo("受理日期不能晚于判决日期");
  }

  // --- the court's clock ------------------------------------------------------------------

  /**
   * The flag's timer is due when the 30th day after the acceptance date has ended, in the city's
   * time, and not a second before; then civil-affairs hears that the judgment is overdue.
   */
  private void overdueOnlyOnceTheThirtiethDayAfterAcceptanceHasPassed(Proceedings proceedings,
      String boundaryEvent, LocalDate accepted) {
    Job timer = drive.timer(proceedings.root, boundaryEvent);
    Date due = Date.from(accepted.plusDays(31).atStartOfDay(clock.getZone()).toInstant());
    assertThat(timer.getDuedate()).isEqualTo(due);

    ClockUtil.setCurrentTime(new Date(due.getTime() - 1000));
    assertThat(executable(timer)).as("on the 30th day the court is not late").isFalse();
    ClockUtil.setCurrentTime(due);
    assertThat(executable(timer)).isTrue();

    engine.getManagementService().executeJob(timer.getId());
    drive.runJobs(proceedings.root);
    assertThat(jdbc.sql("SELECT subject FROM notification WHERE case_number = ? "
            + "AND recipient = 'civil-affairs' AND channel = 'OUTBOX'")
        .param(proceedings.caseNumber).query(String.class).list())
        .contains("提示：法院逾期未判决（案件 " + proceedings.caseNumber + "）");
  }

  private boolean executable(Job timer) {
    return engine.getManagementService().createJobQuery().jobId(timer.getId()).executable()
        .count() == 1;
  }

  // --- walking ----------------------------------------------------------------------------

  /** A new 鼓楼 case whose revocation application the court's system has received. */
  private Proceedings atCourt() {
    GuardianshipWalk walk = new GuardianshipWalk(this::as, engine);
    String root = walk.openedCase("gulou");
    walk.atCourt(root, "NEGLECT_6_MONTHS");
    String application = walk.applicationNumber(root);
    Proceedings proceedings = new Proceedings(root, drive.called(root, "court-proceedings"),
        application, drive.businessKey(root));
    assertThat(applications.byNumber(application).orElseThrow().status()).isEqualTo("SENT");
    return proceedings;
  }

  /** The same, with the court working in Tasklist instead of through its system. */
  private Proceedings inTasklist(Proceedings proceedings) {
    drive.moveBranch(proceedings.court, "awaitAcceptance", "recordAcceptance", Map.of());
    return proceedings;
  }

  /** The court has had the application for some days already. */
  private void sentDaysAgo(Proceedings proceedings, int days) {
    OffsetDateTime then = OffsetDateTime.now(clock).minusDays(days);
    jdbc.sql("UPDATE court_application SET filed_at = ?, sent_at = ? "
            + "WHERE application_number = ?")
        .params(then, then, proceedings.application).update();
  }

  private Http.Response callback(Proceedings proceedings, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.put("applicationNumber", proceedings.application);
    body.put("courtCaseNumber", "（2026）苏0106民特20号");
    return as("court").postJson("/api/court/rulings", body);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private record Proceedings(String root, String court, String application,
      String caseNumber) {}
}
