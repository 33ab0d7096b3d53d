package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.ProcessDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of {@code guardianship-transfer} and {@code court-proceedings}: started from a case
 * whose assessment found a guardian who seriously harms the child and does not change. The
 * court's system answers through {@code POST /api/court/rulings}, as it would.
 */
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class GuardianshipTransferTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  /** The city's clock: the court's dates are Nanjing's. */
  @Autowired
  Clock clock;

  private ProcessDriver drive;

  @BeforeEach
  void driver() {
    drive = new ProcessDriver(engine);
  }

  @Test
  void revokedAfterTheConferenceWithTheProcuratoratesSupport() {
    String root = intervention(policeAnswers("PROTECTION_CENTER", false));
    investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", apply("NEGLECT_6_MONTHS", true));
    drive.complete(root, "procuratorateSupport", Map.of("supportType", "SUPPORT_LAWSUIT",
        "procuratorateNote", "支持起诉"));
    String application = applicationNumber(root);

    assertThat(court(application, "（2026）苏0106民特1号", null, null)).isEqualTo(200);
    assertThat(court(application, "（2026）苏0106民特1号", "REVOKED",
        LocalDate.now().toString())).isEqualTo(200);

    drive.complete(root, "appointGuardian", Map.of("guardianType", "CIVIL_AFFAIRS",
        "placement", "FOSTER_FAMILY", "newGuardianName", "市民政局"));
    assertThat(drive.variables(drive.called(root, "guardianship-transfer")))
        .containsEntry("guardianshipOutcome", "REVOKED");
    drive.complete(root, "placementVisit", Map.of("placementWellBeing", "GOOD",
        "placementVisitNote", "适应良好"));
    drive.fire(root, "adoptionAllowed");
    drive.complete(root, "considerAdoption", Map.of("adoptionRecommended", false,
        "adoptionNote", "暂不建议"));
    drive.fire(root, "restorationWindowClosed");
    drive.complete(root, "temporaryCustody", Map.of("custodyPlace", "PROTECTION_CENTER",
        "custodyNote", "已安置"));

    String guardianship = drive.called(root, "guardianship-transfer");
    assertThat(drive.ended(guardianship)).isTrue();
    Map<String, Object> row = jdbc.sql("SELECT status, outcome, court_case_number, "
            + "procuratorate_support FROM court_application WHERE application_number = ?")
        .param(application).query().singleRow();
    assertThat(row.values()).containsExactly("RULED", "REVOKED", "（2026）苏0106民特1号", true);
    assertThat(jdbc.sql("SELECT new_guardian FROM guardianship_placement p JOIN protection_case "
            + "c ON c.id = p.case_id WHERE c.process_instance_id = ?").param(root)
        .query(String.class).single()).isEqualTo("市民政局");
    assertThat(TestCourtRequests.forApplication(application)).isEqualTo(1);

    String caseNumber = (String) drive.variables(root).get("caseNumber");
    var file = as("gulou").get("/api/cases/" + caseNumber).json().get("guardianship");
    assertThat(file.get("applications").get(0).get("courtCaseNumber").asText())
        .isEqualTo("（2026）苏0106民特1号");
    assertThat(file.get("applications").get(0).get("outcome").asText()).isEqualTo("REVOKED");
    assertThat(file.get("placements").get(0).get("newGuardian").asText()).isEqualTo("市民政局");
  }

  @Test
  void dismissedMeansASupervisedReturnWithTwelveMonthsOfVisits() {
    String root = intervention(policeAnswers("RELATIVE", false));
    investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", apply("UNATTENDED_DANGER", false));
    String application = applicationNumber(root);

    court(application, "（2026）苏0106民特2号", "DISMISSED", LocalDate.now().toString());

    assertThat(drive.variables(drive.called(root, "guardianship-transfer")))
        .containsEntry("guardianshipOutcome", "DISMISSED");
    drive.fire(root, "monitoringDue");
    drive.complete(root, "monitoringVisit", Map.of("monitoringWellBeing", "GOOD",
        "monitoringNote", "正常"));
    drive.fire(root, "monitoringEnds");
    assertThat(drive.ended(drive.called(root, "guardianship-transfer"))).isTrue();
  }

  @Test
  void harmFoundDuringMonitoringIsReportedForANewDisposal() {
    String root = intervention(policeAnswers("RELATIVE", false));
    investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", apply("UNATTENDED_DANGER", false));
    court(applicationNumber(root), "（2026）苏0106民特4号", "DISMISSED", LocalDate.now().toString());

    drive.fire(root, "monitoringDue");
    drive.complete(root, "monitoringVisit", Map.of("monitoringWellBeing", "HARM",
        "monitoringNote", "发现新伤"));

    assertThat(drive.ended(drive.called(root, "guardianship-transfer"))).isTrue();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN protection_case c ON "
            + "c.case_number = n.case_number WHERE c.process_instance_id = ? "
            + "AND n.recipient = 'district-gulou' AND n.channel = 'OUTBOX'")
        .param(root).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void threeUnheededAdmonitionsMeanTheGuardianRefusesToChange() {
    String root = intervention(policeAnswers("NOT_REMOVED", false));
    investigate(root, "MEASURES");
    measure(root, "WARNING_LETTER", false);
    drive.fire(root, "nextWarningVisit");
    measure(root, "REPRIMAND", false);
    drive.fire(root, "nextWarningVisit");
    measure(root, "CRITICISM", false);

    assertThat(drive.hasTask(root, "decideApplication")).isTrue();
    assertThat(drive.variables(drive.called(root, "guardianship-transfer")))
        .containsEntry("admonitions", 3);
    drive.complete(root, "decideApplication", with(apply("COERCED_BEGGING", false),
        "applicationDecision", "WARNING_AND_RETURN"));
    drive.complete(root, "supervisedReturn", Map.of("returnDate", LocalDate.now().toString(),
        "guidancePlan", "每月监护指导"));

    String guardianship = drive.called(root, "guardianship-transfer");
    assertThat(drive.ended(guardianship)).isTrue();
    assertThat(drive.variables(guardianship)).containsEntry("guardianshipOutcome", "WARNING_RETURN");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM guardianship_measure m JOIN protection_case c ON "
        + "c.id = m.case_id WHERE c.process_instance_id = ?").param(root).query(Long.class)
        .single()).isEqualTo(3);
  }

  @Test
  void anInvestigationTeamOfFewerThanThreeIsRefused() {
    String root = intervention(policeAnswers("NOT_REMOVED", false));
    String task = drive.task(root, "investigateFamily").getId();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(task,
            Map.of("investigators", "甲\n乙", "investigationFindings", "发现",
                "investigationRecommendation", "MEASURES")))
        .hasMessageContaining("调查组不少于3人");
    assertThat(drive.hasTask(root, "investigateFamily")).isTrue();
  }

  @Test
  void aGuardianWhoChangesGetsTheChildBackUnderGuidance() {
    String root = intervention(policeAnswers("NOT_REMOVED", false));
    investigate(root, "MEASURES");
    measure(root, "FAMILY_EDUCATION", true);
    assertThat(drive.hasTask(root, "supervisedReturn")).isTrue();
  }

  @Test
  void restorationIsGrantedInsideTheWindowAndGoesToTheCourtAgain() {
    String root = revoked("NEGLECT_6_MONTHS", LocalDate.now().minusMonths(4));
    drive.complete(root, "recordRestoration", Map.of("restorationApplicant", "原监护人",
        "restorationAppliedDate", LocalDate.now().toString(), "sentencedFiveYearsOrMore", false));
    String restoration = restorationNumber(root);

    court(restoration, "（2026）苏0106民特9号", "RESTORED", LocalDate.now().toString());

    drive.complete(root, "restoreGuardianship", Map.of("handBackDate",
        LocalDate.now().toString(), "restorationFollowUpPlan", "每月随访"));
    assertThat(drive.variables(drive.called(root, "guardianship-transfer")))
        .containsEntry("guardianshipOutcome", "RESTORED");
  }

  @Test
  void aDismissedRestorationEndsThere() {
    String root = revoked("NEGLECT_6_MONTHS", LocalDate.now().minusMonths(4));
    drive.complete(root, "recordRestoration", Map.of("restorationApplicant", "原监护人",
        "restorationAppliedDate", LocalDate.now().toString(), "sentencedFiveYearsOrMore", false));
    court(restorationNumber(root), "（2026）苏0106民特10号", "DISMISSED",
        LocalDate.now().toString());
    assertThat(drive.hasTask(root, "restoreGuardianship")).isFalse();
    assertThat(drive.variables(drive.called(root, "guardianship-transfer")))
        .containsEntry("restorationOutcome", "DISMISSED");
  }

  @Test
  void restorationIsBarredAfterSexualAbuseALongSentenceOrTooEarly() {
    String abuse = revoked("SEXUAL_ABUSE", LocalDate.now().minusMonths(4));
    drive.complete(abuse, "recordRestoration", Map.of("restorationApplicant", "原监护人",
        "restorationAppliedDate", LocalDate.now().toString(), "sentencedFiveYearsOrMore", false));
    assertThat(drive.variables(drive.called(abuse, "guardianship-transfer")))
        .containsEntry("restorationBarred", true);

    String early = revoked("NEGLECT_6_MONTHS", LocalDate.now().minusMonths(1));
    drive.complete(early, "recordRestoration", Map.of("restorationApplicant", "原监护人",
        "restorationAppliedDate", LocalDate.now().toString(), "sentencedFiveYearsOrMore", false));
    assertThat((String) drive.variables(drive.called(early, "guardianship-transfer"))
        .get("restorationBarredReason")).contains("未满3个月");
  }

  @Test
  void protectionOrderOverdueIsFlaggedAndAGrantedOrderExpires() {
    String root = intervention(with(policeAnswers("PROTECTION_CENTER", false),
        "protectionOrderRequested", true, "protectionOrderUrgent", true));
    drive.fire(root, "ProtectionOrderOverdue");
    assertThat(outbox(root)).contains("civil-affairs");
    drive.complete(root, "decideProtectionOrder", Map.of("protectionOrderGranted", true,
        "protectionOrderMonths", 3, "protectionOrderNote", "作出保护令"));
    assertThat(drive.timer(root, "orderExpires").getDuedate())
        .isBefore(java.sql.Date.valueOf(LocalDate.now().plusMonths(3).plusDays(2)));
    drive.fire(root, "orderExpires");
    assertThat(drive.hasTask(root, "decideProtectionOrder")).isFalse();

    String refused = intervention(with(policeAnswers("NOT_REMOVED", false),
        "protectionOrderRequested", true));
    drive.complete(refused, "decideProtectionOrder", Map.of("protectionOrderGranted", false,
        "protectionOrderNote", "驳回"));
  }

  @Test
  void temporaryCustodyIsReviewedAtSixMonthsAndFlaggedBeforeTwelve() {
    String root = intervention(policeAnswers("PROTECTION_CENTER", false));
    drive.fire(root, "custodyReview");
    drive.complete(root, "reviewCustody", Map.of("custodyContinues", true,
        "custodyReviewNote", "继续"));
    drive.fire(root, "CustodyLimit");
    drive.fire(root, "InvestigationStartOverdue");
    drive.fire(root, "InvestigationOverdue");
    assertThat(drive.hasTask(root, "temporaryCustody")).isTrue();
    assertThat(drive.hasTask(root, "investigateFamily")).isTrue();
  }

  @Test
  void anOverdueCourtIsFlaggedNeverAssumed() {
    String root = intervention(policeAnswers("RELATIVE", false));
    investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", apply("NEGLECT_6_MONTHS", false));
    String application = applicationNumber(root);
    drive.fire(root, "AcceptanceOverdue");
    court(application, "（2026）苏0106民特3号", null, null);
    drive.fire(root, "RulingOverdue");

    assertThat(outbox(root)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(jdbc.sql("SELECT status FROM court_application WHERE application_number = ?")
        .param(application).query(String.class).single()).isEqualTo("ACCEPTED");
  }

  @Test
  void aCourtUserCanRecordAcceptanceAndRulingInTasklist() {
    String root = intervention(policeAnswers("RELATIVE", false));
    investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", apply("NEGLECT_6_MONTHS", false));
    String proceedings = drive.called(root, "court-proceedings");
    engine.getRuntimeService().createProcessInstanceModification(proceedings)
        .cancelAllForActivity("awaitAcceptance").startBeforeActivity("recordAcceptance")
        .execute();

    drive.complete(root, "recordAcceptance", Map.of("courtCaseNumber", "（2026）苏0106民特5号",
        "acceptedDate", LocalDate.now(clock).toString()));
    drive.fire(root, "OfflineRulingOverdue");
    drive.complete(root, "recordRuling", Map.of("rulingOutcome", "REVOKED",
        "rulingDate", LocalDate.now().toString(), "appointedGuardian", "祖母"));

    assertThat(drive.hasTask(root, "appointGuardian")).isTrue();
    assertThat(jdbc.sql("SELECT outcome FROM court_application WHERE application_number = ?")
        .param(applicationNumber(root)).query(String.class).single()).isEqualTo("REVOKED");
  }

  // --- walking ----------------------------------------------------------------------------

  /** A case assessed with a guardian who seriously harms and does not change; police answer. */
  private String intervention(Map<String, Object> police) {
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "POLICE_110");
    report.put("child", Map.of("name", "测试儿童", "gender", "M", "idNumber", CaseFixtures
        .idNumber(LocalDate.now().minusYears(8))));
    report.put("location", Map.of("district", "gulou"));
    report.put("suspectedCategories", List.of("DOMESTIC_VIOLENCE"));
    Http.Response opened = as("police").postJson("/api/reports", report);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String root = opened.json().get("processInstanceId").asText();
    drive.runJobs(root);
    drive.complete(root, "triage", Map.of("urgent", false, "triageOutcome", "ASSESS",
        "triageLevel", "YELLOW",
        "confirmedCategories", List.of("DOMESTIC_VIOLENCE")));
    Map<String, Object> answers = new HashMap<>();
    for (String flag : List.of("injuryToPrivateParts", "sexualHarmOrPregnancy",
        "multipleInjuriesOrSevereMalnutrition", "disabilityOrDeathFromAbnormalCause",
        "abandonedOrLongWithoutCare", "unknownOriginMissingOrTrafficked", "organisedBegging",
        "imminentDanger", "withoutCare", "livingAlone")) {
      answers.put(flag, false);
    }
    answers.put("harmInProgress", true);
    answers.put("guardianHarm", "REPEATED_OR_CRIMINAL");
    answers.put("income", "ADEQUATE");
    answers.put("guardianSeriousHarmNoChange", true);
    answers.put("visitDate", LocalDate.now().toString());
    answers.put("assessmentNote", "走访评估");
    drive.complete(root, "assessFamily", answers);
    drive.complete(root, "caseConference", CaseFixtures.conference("启动监护干预"));
    drive.complete(root, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));
    assertThat(drive.called(root, "guardianship-transfer")).isNotNull();
    drive.complete(root, "policeIntervention", police);
    return root;
  }

  private void investigate(String root, String conclusion) {
    drive.complete(root, "investigateFamily", Map.of("investigators", "甲\n乙\n丙",
        "investigationFindings", "调查发现", "investigationRecommendation", conclusion));
    drive.complete(root, "interventionConference", Map.of("conferenceConclusion", conclusion,
        "conferenceParticipants", List.of("civil-affairs", "police", "school"),
        "conferenceNote", "会商意见"));
  }

  private void measure(String root, String type, boolean changed) {
    drive.complete(root, "applyMeasure", Map.of("measureType", type, "guardianChanged", changed,
        "measureNote", "已采取措施"));
  }

  /** Revoked by a ruling of this date, the new guardian appointed. */
  private String revoked(String ground, LocalDate rulingDate) {
    String root = intervention(policeAnswers("RELATIVE", false));
    investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", apply(ground, false));
    court(applicationNumber(root), "（2026）苏0106民特" + System.nanoTime() % 10000 + "号",
        "REVOKED", rulingDate.toString());
    drive.complete(root, "appointGuardian", Map.of("guardianType", "RELATIVE_IN_ORDER",
        "placement", "RELATIVE_HOME", "newGuardianName", "祖母"));
    return root;
  }

  private int court(String application, String courtCase, String outcome, String date) {
    Map<String, Object> body = new HashMap<>();
    body.put("applicationNumber", application);
    body.put("courtCaseNumber", courtCase);
    if (outcome != null) {
      body.put("outcome", outcome);
      body.put("rulingDate", date);
      body.put("appointedGuardian", "祖母");
    } else {
      body.put("acceptedDate", LocalDate.now(clock).toString());
    }
    Http.Response answer = as("court").postJson("/api/court/rulings", body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.status();
  }

  private String applicationNumber(String root) {
    drive.runJobs(root);
    return (String) drive.variables(drive.called(root, "guardianship-transfer"))
        .get("applicationNumber");
  }

  private String restorationNumber(String root) {
    drive.runJobs(root);
    return (String) drive.variables(drive.called(root, "guardianship-transfer"))
        .get("restorationApplicationNumber");
  }

  private List<String> outbox(String root) {
    return jdbc.sql("SELECT n.recipient FROM notification n JOIN protection_case c ON "
            + "c.case_number = n.case_number WHERE c.process_instance_id = ? "
            + "AND n.channel = 'OUTBOX' AND n.recipient = 'civil-affairs'")
        .param(root).query(String.class).list();
  }

  private static Map<String, Object> policeAnswers(String handedTo, boolean order) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("childRemoved", !"NOT_REMOVED".equals(handedTo));
    answers.put("handedTo", handedTo);
    answers.put("evidenceList", "伤情照片、病历");
    answers.put("injuryAssessment", true);
    answers.put("protectionOrderRequested", order);
    answers.put("protectionOrderUrgent", false);
    answers.put("policeNote", "已制止侵害");
    return answers;
  }

  private static Map<String, Object> apply(String ground, boolean procuratorate) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("applicationDecision", "APPLY");
    answers.put("legalGrounds", List.of(ground));
    answers.put("applicant", "CIVIL_AFFAIRS");
    answers.put("procuratorateSupport", procuratorate);
    answers.put("decisionNote", "申请撤销");
    return answers;
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> result = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      result.put((String) keyValues[i], keyValues[i + 1]);
    }
    return result;
  }
}
