package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.childprotection.casework.CaseFixtures.CONFERENCE_ACTIONS;
import static org.childprotection.casework.CaseFixtures.applicationDecision;
import static org.childprotection.casework.CaseFixtures.interventionConference;
import static org.childprotection.casework.CaseFixtures.investigation;
import static org.childprotection.casework.CaseFixtures.with;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.childprotection.engine.StepRefused;
import org.childprotection.support.Http;
import org.childprotection.support.ScenarioTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code guardianship-transfer} and {@code court-proceedings}, one scenario per rule
 * of SPEC section 5 (revised). Each procedure runs under a real case (opened by a police report),
 * started where the case's call activity starts it and with what the case hands it
 * ({@code interventionEntry}, {@code custodySince}); a scenario of a later part (the measures, the
 * court, what follows a judgment) enters the procedure there, with what the investigation and the
 * conference leave. {@link #revokedAfterTheConferenceWithTheProcuratoratesSupport} walks one
 * procedure from its start to its end. The court's system answers through
 * {@code POST /api/court/rulings}, as it would.
 */
class GuardianshipTransferTest extends ScenarioTest {

  private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");

  private GuardianshipWalk walk;

  @BeforeEach
  void walk() {
    walk = new GuardianshipWalk(this::as, engine);
  }

  // --- item 5's part in this model: the police do not hold the other branches up ------------

  @Test
  void policeDoNotBlockTheInvestigationCustodyOrProtectionOrder() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root,
        Map.of("custodySince", today().minusDays(2).toString()));

    assertThat(procedure).isWaitingAt("policeIntervention", "investigateFamily",
        "temporaryCustody", "requestProtectionOrder");
    assertThat(outbox(root, "civil-affairs")).containsExactly("GUARDIANSHIP_STARTED");
  }

  @Test
  void thePoliceHaveThirtyMinutesToArriveAndAreEscalatedWhenLate() {
    String root = openedCase();
    Instant started = Instant.now();
    ProcessInstance procedure = procedure(root, Map.of());

    Task police = drive.task(root, "policeIntervention");
    assertThat(police.getDueDate().toInstant())
        .isCloseTo(started.plus(30, ChronoUnit.MINUTES), within(2, ChronoUnit.MINUTES));
    assertThat(drive.timer(root, "PoliceArrivalOverdue").getDuedate())
        .isCloseTo(police.getDueDate(), 2000);
    drive.fire(root, "PoliceArrivalOverdue");
    assertThat(outbox(root, "civil-affairs")).contains("ESCALATION_POLICE_ARRIVAL");
    assertThat(procedure).isWaitingAt("policeIntervention");
  }

  @Test
  void anEmergencyEntryStartsTheEmergencyMeasuresAtOnceAndSaysSo() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of("interventionEntry", "EMERGENCY"));

    assertThat(procedure).isWaitingAt("policeIntervention", "requestProtectionOrder",
        "investigateFamily");
    assertThat(outbox(root, "civil-affairs")).containsExactly("GUARDIANSHIP_EMERGENCY");
    assertThat(procedure).variables().as("a child in danger before any assessment")
        .containsEntry("riskLevel", "RED");

    drive.complete(root, "policeIntervention", policeAnswers("PROTECTION_CENTER"));
    assertThat(procedure).as("handed to the center").isWaitingAt("temporaryCustody");
    assertThat(procedure).variables().containsEntry("custodySince", today().toString());
  }

  @Test
  void anEntryTheContractDoesNotKnowIsRefused() {
    String root = openedCase();
    assertThatThrownBy(() -> procedure(root, Map.of("interventionEntry", "LATER")))
        .hasMessageContaining("interventionEntry：");
  }

  @Test
  void aCaseMayGoThroughTheProcedureAgainAsANewProcedure() {
    String root = openedCase();
    ProcessInstance first = atCourt(root, "UNATTENDED_DANGER");
    court(walk.applicationNumber(root), "（2026）苏0106民特21号", "DISMISSED",
        today().toString());
    drive.fire(root, "monitoringDue");
    drive.complete(root, "monitoringVisit", Map.of("monitoringWellBeing", "HARM",
        "monitoringNote", "发现新伤"));
    drive.complete(root, "policeIntervention", policeAnswers("NOT_REMOVED"));
    drive.complete(root, "requestProtectionOrder", Map.of("protectionOrderRequested", false,
        "protectionOrderUrgent", false));
    assertThat(first).isEnded();

    ProcessInstance second = procedure(root, Map.of());
    assertThat(second.getId()).isNotEqualTo(first.getId());
    walk.investigate(root, "MEASURES");
    measure(root, "WARNING_LETTER", "POLICE", false);
    assertThat(second).variables().containsEntry("admonitions", 1);
    drive.complete(root, "requestMeasure", Map.of("measureType", "FAMILY_EDUCATION",
        "measureAuthority", "WOMENS_FEDERATION", "measureRequestNote", "家庭教育指导"));
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT procedure_id) FROM guardianship_measure m "
            + "JOIN protection_case c ON c.id = m.case_id WHERE c.process_instance_id = ?")
        .param(root).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT procedure_id FROM guardianship_measure m JOIN protection_case c "
            + "ON c.id = m.case_id WHERE c.process_instance_id = ?").param(root)
        .query(String.class).single()).isEqualTo(second.getId());
  }

  // --- item 9: 临时监护 ------------------------------------------------------------------------

  @Test
  void careBegunAtIntakeIsReviewedLikeAnyTemporaryCustody() {
    String root = openedCase();
    LocalDate since = today().minusMonths(7);
    ProcessInstance procedure = procedure(root, Map.of("interventionEntry", "EMERGENCY",
        "custodySince", since.toString()));

    assertThat(procedure).isWaitingAt("temporaryCustody");
    assertThat(drive.timer(root, "custodyReview").getDuedate())
        .isEqualTo(startOf(since.plusMonths(6)));
    assertThat(drive.timer(root, "CustodyLimit").getDuedate())
        .isEqualTo(startOf(since.plusMonths(11)));
    drive.fire(root, "custodyReview");
    assertThat(procedure).isWaitingAt("reviewCustody");
  }

  @Test
  void custodyIsWarnedAMonthBeforeTwelveMonthsAndDecidedAtTwelve() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    drive.complete(root, "policeIntervention", policeAnswers("PROTECTION_CENTER"));
    LocalDate since = today();

    assertThat(drive.timer(root, "CustodyLimit").getDuedate())
        .isEqualTo(startOf(since.plusMonths(11)));
    assertThat(drive.timer(root, "custodyDecisionDue").getDuedate())
        .isEqualTo(startOf(since.plusMonths(12)));
    drive.fire(root, "CustodyLimit");
    assertThat(outbox(root, "civil-affairs")).contains("ESCALATION_CUSTODY_LIMIT");

    drive.fire(root, "custodyDecisionDue");
    drive.complete(root, "decideAfterCustody", Map.of("custodyDecision", "COURT_APPLICATION",
        "custodyDecisionNote", "已申请撤销"));
    assertThat(procedure).as("custody goes on").isWaitingAt("temporaryCustody");
  }

  @Test
  void theReviewsAnswerDecidesWhatComesNext() {
    String continuing = openedCase();
    ProcessInstance continued = procedure(continuing, Map.of("custodySince", today().toString()));
    drive.fire(continuing, "custodyReview");
    drive.complete(continuing, "reviewCustody", Map.of("custodyContinues", true,
        "custodyReviewNote", "继续"));
    assertThat(continued).isWaitingAt("temporaryCustody");
    assertThat(drive.timer(continuing, "custodyDecisionDue")).isNotNull();

    String ending = openedCase();
    ProcessInstance ended = procedure(ending, Map.of("custodySince", today().toString()));
    drive.fire(ending, "custodyReview");
    drive.complete(ending, "reviewCustody", Map.of("custodyContinues", false,
        "custodyNext", "RETURN_HOME", "custodyReviewNote", "返还"));
    assertThat(ended).as("custody ended").isNotWaitingAt("temporaryCustody");
    assertThat(drive.timers(ending, "CustodyLimit", "custodyDecisionDue")).isEmpty();
  }

  @Test
  void aDecisionAtTwelveMonthsToReturnTheChildEndsCustody() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of("custodySince", today().toString()));
    drive.fire(root, "custodyDecisionDue");
    drive.complete(root, "decideAfterCustody", Map.of("custodyDecision", "RETURN_HOME",
        "custodyDecisionNote", "返还并监护指导"));
    assertThat(procedure).isNotWaitingAt("temporaryCustody");
    assertThat(drive.timers(root, "custodyReview", "CustodyLimit")).isEmpty();
  }

  @Test
  void theCenterEndsCustodyWhenTheChildLeavesIt() {
    String root = openedCase();
    procedure(root, Map.of("custodySince", today().toString()));
    drive.complete(root, "temporaryCustody", Map.of("custodyPlace", "PROTECTION_CENTER",
        "custodyNote", "已交亲属"));
    assertThat(drive.timers(root, "custodyReview", "CustodyLimit", "custodyDecisionDue"))
        .isEmpty();
  }

  // --- item 10: 人身安全保护令 ----------------------------------------------------------------

  @Test
  void theCourtDecidesAProtectionOrderWithin72HoursOfItsAcceptance() {
    String root = openedCase();
    procedure(root, Map.of());
    drive.complete(root, "requestProtectionOrder", orderRequest("CIVIL_AFFAIRS", false));
    ZonedDateTime accepted = ZonedDateTime.now(NANJING).minusHours(10)
        .truncatedTo(ChronoUnit.MINUTES);
    drive.complete(root, "acceptProtectionOrder", acceptance("（2026）苏0106民保令1号", accepted));

    Date due = Date.from(accepted.plusHours(72).toInstant());
    assertThat(drive.task(root, "decideProtectionOrder").getDueDate()).isEqualTo(due);
    assertThat(drive.timer(root, "ProtectionOrderOverdue").getDuedate()).isEqualTo(due);
    drive.fire(root, "ProtectionOrderOverdue");
    assertThat(outbox(root, "civil-affairs")).contains("ESCALATION_PROTECTION_ORDER");

    String urgent = openedCase();
    procedure(urgent, Map.of());
    drive.complete(urgent, "requestProtectionOrder", orderRequest("POLICE", true));
    drive.complete(urgent, "acceptProtectionOrder", acceptance("（2026）苏0106民保令2号", accepted));
    assertThat(drive.task(urgent, "decideProtectionOrder").getDueDate())
        .isEqualTo(Date.from(accepted.plusHours(24).toInstant()));
  }

  @Test
  void aProtectionOrderRecordsItsApplicantMeasuresAndService() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    Map<String, Object> byAnUnknownApplicant = orderRequest("NEIGHBOUR", false);
    String request = drive.task(root, "requestProtectionOrder").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(request, byAnUnknownApplicant))
        .isInstanceOf(StepRefused.class).hasMessageContaining("protectionOrderApplicant：");

    drive.complete(root, "requestProtectionOrder", orderRequest("CIVIL_AFFAIRS", false));
    accept(root);
    String decision = drive.task(root, "decideProtectionOrder").getId();
    Map<String, Object> withoutMeasures = granted(3);
    withoutMeasures.remove("protectionOrderMeasures");
    assertThatThrownBy(() -> engine.getTaskService().complete(decision, withoutMeasures))
        .isInstanceOf(StepRefused.class).hasMessageContaining("protectionOrderMeasures：");
    Map<String, Object> tooLong = granted(7);
    assertThatThrownBy(() -> engine.getTaskService().complete(decision, tooLong))
        .isInstanceOf(StepRefused.class).hasMessageContaining("protectionOrderMonths：");

    drive.complete(root, "decideProtectionOrder", granted(3));
    drive.complete(root, "serveProtectionOrder", Map.of("protectionOrderServedDate",
        today().toString(), "protectionOrderServedTo",
        SpinValues.jsonValue("[\"APPLICANT\",\"RESPONDENT\",\"POLICE\"]").create(),
        "protectionOrderServiceNote", "已送达"));
    assertThat(procedure).variables().containsEntry("protectionOrderApplicant", "CIVIL_AFFAIRS")
        .containsKeys("protectionOrderAcceptedAt", "protectionOrderServedDate")
        .containsEntry("protectionOrderLastDay",
            today().plusMonths(3).minusDays(1).toString());
    assertThat(procedure).isWaitingAt("recordReconsideration");
  }

  @Test
  void aReminderGoesOutBeforeTheOrderExpiresSoAnExtensionCanBeAsked() {
    String root = openedCase();
    ProcessInstance procedure = orderInForce(root, 2);
    LocalDate lastDay = today().plusMonths(2).minusDays(1);
    drive.fire(root, "reconsiderationWindowClosed");

    assertThat(drive.timer(root, "orderExpiryReminder").getDuedate())
        .isEqualTo(startOf(lastDay.minusDays(14)));
    drive.fire(root, "orderExpiryReminder");
    assertThat(outbox(root, "district-gulou")).contains("PROTECTION_ORDER_EXPIRING");
    assertThat(drive.timer(root, "orderExpires").getDuedate())
        .isEqualTo(startOf(lastDay.plusDays(1)));

    drive.complete(root, "considerOrderExtension", Map.of("extensionRequested", true,
        "extensionNote", "仍有危险"));
    drive.complete(root, "decideOrderExtension", Map.of("extensionGranted", true,
        "extensionMonths", 3, "extensionDecisionNote", "延长三个月"));
    LocalDate extended = lastDay.plusDays(1).plusMonths(3).minusDays(1);
    assertThat(procedure).variables().containsEntry("protectionOrderLastDay",
        extended.toString());
    assertThat(drive.timer(root, "orderExpiryReminder").getDuedate())
        .isEqualTo(startOf(extended.minusDays(14)));

    drive.fire(root, "orderExpiryReminder");
    drive.fire(root, "orderExpires");
    assertThat(outbox(root, "district-gulou")).contains("PROTECTION_ORDER_EXPIRED");
    assertThat(procedure).isNotWaitingAt("considerOrderExtension");
  }

  @Test
  void anExtensionNotAskedOrRefusedEndsTheOrdersFollowUp() {
    String notAsked = openedCase();
    orderInForce(notAsked, 1);
    drive.fire(notAsked, "reconsiderationWindowClosed");
    drive.fire(notAsked, "orderExpiryReminder");
    drive.complete(notAsked, "considerOrderExtension", Map.of("extensionRequested", false,
        "extensionNote", "危险已消除"));
    assertThat(drive.timers(notAsked, "orderExpires", "orderExpiryReminder")).isEmpty();

    String refused = openedCase();
    orderInForce(refused, 1);
    drive.fire(refused, "reconsiderationWindowClosed");
    drive.fire(refused, "orderExpiryReminder");
    drive.complete(refused, "considerOrderExtension", Map.of("extensionRequested", true,
        "extensionNote", "申请延长"));
    drive.complete(refused, "decideOrderExtension", Map.of("extensionGranted", false,
        "extensionDecisionNote", "不予延长"));
    assertThat(drive.timers(refused, "orderExpires", "orderExpiryReminder")).isEmpty();
  }

  @Test
  void reconsiderationIsAskedWithinFiveDaysAndARevokedOrderEnds() {
    String root = openedCase();
    orderInForce(root, 6);
    assertThat(drive.timer(root, "reconsiderationWindowClosed").getDuedate())
        .isEqualTo(startOf(today().plusDays(6)));

    drive.complete(root, "recordReconsideration", Map.of("reconsiderationApplicant",
        "RESPONDENT", "reconsiderationAppliedDate", today().toString(),
        "reconsiderationReason", "不服"));
    drive.complete(root, "decideReconsideration", Map.of("reconsiderationOutcome", "REVOKED",
        "reconsiderationNote", "撤销原裁定"));
    assertThat(drive.timers(root, "orderExpiryReminder")).isEmpty();

    String refused = openedCase();
    procedure(refused, Map.of());
    drive.complete(refused, "requestProtectionOrder", orderRequest("CLOSE_RELATIVE", false));
    accept(refused);
    drive.complete(refused, "decideProtectionOrder", Map.of("protectionOrderGranted", false,
        "protectionOrderDecidedDate", today().toString(), "protectionOrderNote", "驳回"));
    drive.fire(refused, "reconsiderationWindowClosed");
    assertThat(drive.timers(refused, "orderExpiryReminder")).isEmpty();
  }

  @Test
  void anOrderNotAskedForEndsThatBranch() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    drive.complete(root, "requestProtectionOrder", Map.of("protectionOrderRequested", false,
        "protectionOrderUrgent", false));
    assertThat(procedure).isNotWaitingAt("acceptProtectionOrder");
  }

  // --- item 3: measures by their authority --------------------------------------------------

  @Test
  void aWarningLetterIsThePolicesToIssueNotASocialWorkers() {
    String root = openedCase();
    atMeasures(root);
    String request = drive.task(root, "requestMeasure").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(request, Map.of("measureType",
            "WARNING_LETTER", "measureAuthority", "DISTRICT_CIVIL_AFFAIRS",
            "measureRequestNote", "出具告诫书")))
        .isInstanceOf(StepRefused.class).hasMessageContaining("公安机关出具");

    drive.complete(root, "requestMeasure", Map.of("measureType", "WARNING_LETTER",
        "measureAuthority", "POLICE", "measureRequestNote", "请公安出具告诫书"));
    assertThat(candidateGroups(root, "applyMeasure")).containsExactly("police");
    String apply = drive.task(root, "applyMeasure").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(apply, Map.of("measureOutcome",
            "TAKEN", "measureType", "FAMILY_EDUCATION", "measureNote", "改为指导")))
        .as("the police give no 家庭教育指导 services").isInstanceOf(StepRefused.class);
    drive.complete(root, "applyMeasure", Map.of("measureOutcome", "TAKEN", "measureType",
        "WARNING_LETTER", "measureDocumentNumber", "鼓公（家）告字〔2026〕1号",
        "measureNote", "已出具告诫书"));
    assertThat(jdbc.sql("SELECT authority FROM guardianship_measure m JOIN protection_case c "
            + "ON c.id = m.case_id WHERE c.process_instance_id = ?").param(root)
        .query(String.class).single()).isEqualTo("POLICE");
  }

  @Test
  void reprimandsAndFamilyEducationOrdersGoToPoliceProcuratorateOrCourt() {
    String root = openedCase();
    ProcessInstance procedure = atMeasures(root);
    String request = drive.task(root, "requestMeasure").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(request, Map.of("measureType",
            "REPRIMAND", "measureAuthority", "PROTECTION_CENTER", "measureRequestNote", "训诫")))
        .isInstanceOf(StepRefused.class).hasMessageContaining("家庭教育促进法第四十九条");

    drive.complete(root, "requestMeasure", Map.of("measureType", "FAMILY_EDUCATION_ORDER",
        "measureAuthority", "PROCURATORATE", "measureRequestNote", "请检察院责令"));
    assertThat(candidateGroups(root, "applyMeasure")).containsExactly("procuratorate");
    drive.complete(root, "applyMeasure", Map.of("measureOutcome", "DECLINED",
        "measureType", "FAMILY_EDUCATION_ORDER", "measureNote", "不符合条件"));
    assertThat(procedure).as("back to the request").isWaitingAt("requestMeasure");

    drive.complete(root, "requestMeasure", Map.of("measureType", "CRITICISM",
        "measureAuthority", "DISTRICT_CIVIL_AFFAIRS", "measureRequestNote", "批评教育"));
    assertThat(candidateGroups(root, "applyMeasure")).containsExactly("district-gulou");
  }

  @Test
  void threeUnheededAdmonitionsMeanTheGuardianRefusesToChange() {
    String root = openedCase();
    ProcessInstance procedure = atMeasures(root);
    measure(root, "WARNING_LETTER", "POLICE", false);
    drive.complete(root, "requestMeasure", Map.of("measureType", "FAMILY_EDUCATION",
        "measureAuthority", "EDUCATION", "measureRequestNote", "家庭教育指导"));
    takeAndVisit(root, "FAMILY_EDUCATION", false);
    assertThat(procedure).variables().as("guidance is no admonition")
        .containsEntry("admonitions", 1);
    measure(root, "REPRIMAND", "COURT", false);
    measure(root, "CRITICISM", "PROTECTION_CENTER", false);

    assertThat(procedure).isWaitingAt("decideApplication");
    assertThat(procedure).variables().containsEntry("admonitions", 3);
    drive.complete(root, "decideApplication", with(applicationDecision("COERCED_BEGGING", false),
        "applicationDecision", "WARNING_AND_RETURN"));
    drive.complete(root, "supervisedReturn", Map.of("returnDate", today().toString(),
        "guidancePlan", "每月监护指导"));
    assertThat(procedure).variables().containsEntry("guardianshipOutcome", "WARNING_RETURN");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM guardianship_measure m JOIN protection_case c ON "
        + "c.id = m.case_id WHERE c.process_instance_id = ? AND NOT m.guardian_changed")
        .param(root).query(Long.class).single()).isEqualTo(4);
  }

  @Test
  void aGuardianWhoChangesGetsTheChildBackUnderGuidance() {
    String root = openedCase();
    ProcessInstance procedure = atMeasures(root);
    measure(root, "FAMILY_EDUCATION", "WOMENS_FEDERATION", true);
    assertThat(procedure).isWaitingAt("supervisedReturn");
    assertThat(jdbc.sql("SELECT guardian_changed FROM guardianship_measure m JOIN "
            + "protection_case c ON c.id = m.case_id WHERE c.process_instance_id = ?")
        .param(root).query(Boolean.class).single()).isTrue();
  }

  // --- item 12: what the law asks the records to hold ---------------------------------------

  @Test
  void anInvestigationTeamOfFewerThanThreeIsRefused() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    Map<String, Object> report = investigation("MEASURES");
    report.put("investigators", "甲\n乙");
    String task = drive.task(root, "investigateFamily").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task, report))
        .hasMessageContaining("调查组不少于3人");
    assertThat(procedure).isWaitingAt("investigateFamily");
  }

  @Test
  void aLateInvestigationIsEscalatedAndGoesOn() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    drive.fire(root, "InvestigationStartOverdue");
    drive.fire(root, "InvestigationOverdue");
    assertThat(outbox(root, "civil-affairs")).contains("ESCALATION_INVESTIGATION_START",
        "ESCALATION_INVESTIGATION");
    assertThat(procedure).isWaitingAt("investigateFamily");
  }

  @Test
  void conferenceMinutesRecordActionsWithOwnersAndDueDates() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    drive.complete(root, "investigateFamily", investigation("MEASURES"));
    String conference = drive.task(root, "interventionConference").getId();
    Map<String, Object> withoutOwner = interventionConference("MEASURES", "家访｜｜2026-12-31");
    assertThatThrownBy(() -> engine.getTaskService().complete(conference, withoutOwner))
        .isInstanceOf(StepRefused.class).hasMessageContaining("conferenceActions：");
    Map<String, Object> noActions = interventionConference("MEASURES", " \n ");
    assertThatThrownBy(() -> engine.getTaskService().complete(conference, noActions))
        .isInstanceOf(StepRefused.class);
    Map<String, Object> noDueDate = interventionConference("MEASURES", "家访｜社工张某｜尽快");
    assertThatThrownBy(() -> engine.getTaskService().complete(conference, noDueDate))
        .isInstanceOf(StepRefused.class).hasMessageContaining("年-月-日");

    drive.complete(root, "interventionConference",
        interventionConference("MEASURES", CONFERENCE_ACTIONS));
    assertThat(procedure).variables().containsKeys("conferenceDate",
        "conferenceAttendees", "conferenceDecisions", "conferenceActions");
  }

  // --- the court: revocation, dismissal, overdue, Tasklist ------------------------------------

  @Test
  void revokedAfterTheConferenceWithTheProcuratoratesSupport() {
    String root = openedCase();
    ProcessInstance procedure = procedure(root, Map.of());
    drive.complete(root, "policeIntervention", policeAnswers("PROTECTION_CENTER"));
    walk.investigate(root, "REVOKE");
    drive.complete(root, "decideApplication", applicationDecision("NEGLECT_6_MONTHS", true));
    drive.complete(root, "procuratorateSupport", Map.of("supportType", "SUPPORT_LAWSUIT",
        "procuratorateNote", "支持起诉"));
    String application = walk.applicationNumber(root);

    assertThat(court(application, "（2026）苏0106民特1号", null, null)).isEqualTo(200);
    assertThat(court(application, "（2026）苏0106民特1号", "REVOKED",
        today().toString())).isEqualTo(200);

    drive.complete(root, "appointGuardian", placement("CIVIL_AFFAIRS", "市民政局"));
    assertThat(procedure).variables().containsEntry("guardianshipOutcome", "REVOKED");
    drive.complete(root, "placementVisit", Map.of("placementWellBeing", "GOOD",
        "placementVisitNote", "适应良好"));
    drive.fire(root, "adoptionAllowed");
    drive.complete(root, "considerAdoption", Map.of("adoptionRecommended", false,
        "adoptionNote", "暂不建议"));
    drive.fire(root, "restorationWindowClosed");
    drive.complete(root, "temporaryCustody", Map.of("custodyPlace", "PROTECTION_CENTER",
        "custodyNote", "已交新监护人"));
    drive.complete(root, "requestProtectionOrder", Map.of("protectionOrderRequested", false,
        "protectionOrderUrgent", false));

    assertThat(procedure).isEnded();
    Map<String, Object> row = jdbc.sql("SELECT status, outcome, court_case_number, "
            + "procuratorate_support FROM court_application WHERE application_number = ?")
        .param(application).query().singleRow();
    assertThat(row.values()).containsExactly("RULED", "REVOKED", "（2026）苏0106民特1号", true);
    Map<String, Object> placed = jdbc.sql("SELECT new_guardian, judgment_number, institution, "
            + "parent_contact, child_view, procedure_id FROM guardianship_placement p JOIN "
            + "protection_case c ON c.id = p.case_id WHERE c.process_instance_id = ?")
        .param(root).query().singleRow();
    assertThat(placed.values()).containsExactly("市民政局", "（2026）苏0106民特1号",
        "鼓楼区某寄养家庭", "每月探望一次", "愿意", procedure.getId());
    assertThat(TestCourtRequests.forApplication(application)).isEqualTo(1);

    String caseNumber = drive.businessKey(root);
    var file = as("gulou").get("/api/cases/" + caseNumber).json().get("guardianship");
    assertThat(file.get("applications").get(0).get("courtCaseNumber").asText())
        .isEqualTo("（2026）苏0106民特1号");
    assertThat(file.get("placements").get(0).get("newGuardian").asText()).isEqualTo("市民政局");
    assertThat(file.get("placements").get(0).get("parentContact").asText()).isEqualTo("每月探望一次");
  }

  @Test
  void anApplicationNamesAGroundAndAnApplicantTheLawAllows() {
    String root = openedCase();
    walk.procedureAt(root, "decideApplication", GuardianshipWalk.investigated("REVOKE"));
    String decision = drive.task(root, "decideApplication").getId();
    Map<String, Object> byANeighbour = applicationDecision("NEGLECT_6_MONTHS", false);
    byANeighbour.put("applicant", "NEIGHBOUR");
    assertThatThrownBy(() -> engine.getTaskService().complete(decision, byANeighbour))
        .isInstanceOf(StepRefused.class).hasMessageContaining("applicant：");
    Map<String, Object> noGround = applicationDecision("NEGLECT_6_MONTHS", false);
    noGround.put("legalGrounds", List.of());
    assertThatThrownBy(() -> engine.getTaskService().complete(decision, noGround))
        .isInstanceOf(StepRefused.class).hasMessageContaining("legalGrounds：");
    drive.complete(root, "decideApplication", with(applicationDecision("NEGLECT_6_MONTHS",
        false), "applicant", "SCHOOL"));
    assertThat(jdbc.sql("SELECT applicant FROM court_application WHERE application_number = ?")
        .param(walk.applicationNumber(root)).query(String.class).single()).isEqualTo("SCHOOL");
  }

  @Test
  void dismissedMeansASupervisedReturnWithTwelveMonthsOfVisits() {
    String root = openedCase();
    ProcessInstance procedure = atCourt(root, "UNATTENDED_DANGER");
    court(walk.applicationNumber(root), "（2026）苏0106民特2号", "DISMISSED",
        today().toString());

    assertThat(procedure).variables().containsEntry("guardianshipOutcome", "DISMISSED");
    drive.fire(root, "monitoringDue");
    drive.complete(root, "monitoringVisit", Map.of("monitoringWellBeing", "GOOD",
        "monitoringNote", "正常"));
    drive.fire(root, "monitoringEnds");
    assertThat(procedure).isNotWaitingAt("monitoringVisit");
  }

  @Test
  void harmFoundDuringMonitoringIsReportedForANewDisposal() {
    String root = openedCase();
    atCourt(root, "UNATTENDED_DANGER");
    court(walk.applicationNumber(root), "（2026）苏0106民特4号", "DISMISSED",
        today().toString());

    drive.fire(root, "monitoringDue");
    drive.complete(root, "monitoringVisit", Map.of("monitoringWellBeing", "HARM",
        "monitoringNote", "发现新伤"));
    assertThat(outbox(root, "district-gulou")).contains("MONITORING_HARM_FOUND");
  }

  @Test
  void anOverdueCourtIsFlaggedNeverAssumed() {
    String root = openedCase();
    atCourt(root, "NEGLECT_6_MONTHS");
    String application = walk.applicationNumber(root);
    drive.fire(root, "AcceptanceOverdue");
    court(application, "（2026）苏0106民特3号", null, null);
    drive.fire(root, "RulingOverdue");

    assertThat(outbox(root, "civil-affairs")).contains("COURT_ACCEPTANCE_OVERDUE",
        "COURT_RULING_OVERDUE");
    assertThat(jdbc.sql("SELECT status FROM court_application WHERE application_number = ?")
        .param(application).query(String.class).single()).isEqualTo("ACCEPTED");
  }

  @Test
  void aCourtUserCanRecordAcceptanceAndRulingInTasklist() {
    String root = openedCase();
    ProcessInstance procedure = atCourt(root, "NEGLECT_6_MONTHS");
    drive.moveBranch(drive.called(root, "court-proceedings"), "awaitAcceptance",
        "recordAcceptance", Map.of());

    drive.complete(root, "recordAcceptance", Map.of("courtCaseNumber", "（2026）苏0106民特5号",
        "acceptedDate", today().toString()));
    drive.fire(root, "OfflineRulingOverdue");
    drive.complete(root, "recordRuling", Map.of("rulingOutcome", "REVOKED",
        "rulingDate", today().toString(), "appointedGuardian", "祖母"));

    assertThat(procedure).isWaitingAt("appointGuardian");
    assertThat(jdbc.sql("SELECT outcome FROM court_application WHERE application_number = ?")
        .param(walk.applicationNumber(root)).query(String.class).single()).isEqualTo("REVOKED");
  }

  // --- item 1: restoration is the court's ----------------------------------------------------

  @Test
  void restorationIsDecidedByTheCourtNeverClosedByCivilAffairs() {
    String root = revoked("SEXUAL_ABUSE", today().minusMonths(1), "GRANDPARENTS");
    ProcessInstance procedure = procedureOf(root);
    drive.complete(root, "recordRestoration", restorationBy("MOTHER"));

    String opinion = (String) walk.variable(root, "restorationOpinion");
    assertThat(opinion).contains("本申请早于该期间").contains("性侵害、出卖未成年人")
        .contains("不作为不予受理的理由");
    String restoration = restorationNumber(root);
    assertThat(restoration).isNotNull();
    assertThat(jdbc.sql("SELECT applicant FROM court_application WHERE application_number = ?")
        .param(restoration).query(String.class).single()).isEqualTo("MOTHER");
    assertThat((String) drive.variables(drive.called(root, "court-proceedings"))
        .get("evidenceList")).contains("儿童本人意愿：愿意回到母亲身边").contains(opinion);

    court(restoration, "（2026）苏0106民特9号", "RESTORED", today().toString());
    drive.complete(root, "restoreGuardianship", Map.of("handBackDate",
        today().toString(), "restorationFollowUpPlan", "每月随访"));
    assertThat(procedure).variables().containsEntry("guardianshipOutcome", "RESTORED");
  }

  @Test
  void onlyAParentMayApplyForRestoration() {
    String root = revoked("NEGLECT_6_MONTHS", today().minusMonths(4), "GRANDPARENTS");
    String task = drive.task(root, "recordRestoration").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task, restorationBy("GRANDMOTHER")))
        .isInstanceOf(StepRefused.class).hasMessageContaining("restorationApplicantRelation：");
    Map<String, Object> beforeTheJudgment = restorationBy("FATHER");
    beforeTheJudgment.put("restorationAppliedDate", today().minusMonths(5).toString());
    assertThatThrownBy(() -> engine.getTaskService().complete(task, beforeTheJudgment))
        .isInstanceOf(StepRefused.class).hasMessageContaining("restorationAppliedDate：");
    drive.complete(root, "recordRestoration", restorationBy("FATHER"));
    assertThat(restorationNumber(root)).isNotNull();
  }

  @Test
  void abuseBarsRestorationOnlyWithSeriousInjuryAndAnyIntentionalCrimeDoes() {
    String abuse = revoked("ABANDONMENT_OR_ABUSE", today().minusMonths(4), "SIBLINGS");
    drive.complete(abuse, "recordRestoration", restorationBy("FATHER"));
    assertThat((String) walk.variable(abuse, "restorationOpinion")).contains("本申请在该期间内")
        .contains("未发现一般不得恢复监护人资格的情形");

    String injured = revoked("ABANDONMENT_OR_ABUSE", today().minusMonths(4), "SIBLINGS");
    drive.complete(injured, "recordRestoration", with(restorationBy("FATHER"),
        "harmWithSeriousInjury", true, "intentionalCrimeAgainstChild", true));
    assertThat((String) walk.variable(injured, "restorationOpinion"))
        .contains("并造成重伤以上严重后果")
        .contains("对被监护人实施故意犯罪（民法典第三十八条）");
    assertThat(restorationNumber(injured)).as("handed to the court all the same").isNotNull();
  }

  @Test
  void anEarlyApplicationDoesNotCloseTheWindow() {
    LocalDate judged = today().minusMonths(1);
    String root = revoked("NEGLECT_6_MONTHS", judged, "GRANDPARENTS");
    assertThat(drive.timer(root, "restorationWindowClosed").getDuedate())
        .as("the window runs from the judgment date").isEqualTo(startOf(judged.plusYears(1)
            .plusDays(1)));
    drive.complete(root, "recordRestoration", restorationBy("MOTHER"));
    court(restorationNumber(root), "（2026）苏0106民特10号", "DISMISSED",
        today().toString());

    assertThat(procedureOf(root)).isNotWaitingAt("restoreGuardianship")
        .as("a later application").isWaitingAt("recordRestoration");
    assertThat(drive.timer(root, "restorationWindowClosed").getDuedate())
        .isEqualTo(startOf(judged.plusYears(1).plusDays(1)));
  }

  // --- item 2: adoption ------------------------------------------------------------------------

  @Test
  void adoptionIsConsideredOnlyWhereCivilAffairsIsGuardian() {
    String relatives = revoked("NEGLECT_6_MONTHS", today(), "GRANDPARENTS");
    assertThat(drive.timers(relatives, "adoptionAllowed")).isEmpty();
    assertThat(procedureOf(relatives)).isNotWaitingAt("considerAdoption");

    String state = revoked("NEGLECT_6_MONTHS", today(), "CIVIL_AFFAIRS");
    assertThat(drive.timers(state, "adoptionAllowed")).hasSize(1);
  }

  @Test
  void adoptionWaitsAYearFromTheJudgmentDateNotFromTheAppointment() {
    LocalDate judged = today().minusMonths(4);
    String root = revoked("NEGLECT_6_MONTHS", judged, "CIVIL_AFFAIRS");
    assertThat(drive.timer(root, "adoptionAllowed").getDuedate())
        .isEqualTo(startOf(judged.plusYears(1)));
  }

  @Test
  void noWaitForAdoptionWhereTheFormerGuardiansHarmBarsRestoration() {
    LocalDate judged = today().minusMonths(2);
    String root = revoked("SALE", judged, "CIVIL_AFFAIRS");
    assertThat(drive.timer(root, "adoptionAllowed").getDuedate()).isEqualTo(startOf(judged));
  }

  @Test
  void aRestorationJudgmentEndsTheAppointmentItsVisitsAndAdoption() {
    String root = revoked("NEGLECT_6_MONTHS", today().minusMonths(4), "CIVIL_AFFAIRS");
    ProcessInstance procedure = procedureOf(root);
    assertThat(procedure).isWaitingAt("placementVisit");
    drive.complete(root, "recordRestoration", restorationBy("MOTHER"));
    court(restorationNumber(root), "（2026）苏0106民特11号", "RESTORED",
        today().toString());

    assertThat(procedure).isWaitingAt("restoreGuardianship")
        .as("placement visits end").isNotWaitingAt("placementVisit");
    assertThat(drive.timers(root, "adoptionAllowed")).as("adoption ends").isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM guardianship_placement p JOIN protection_case c "
            + "ON c.id = p.case_id WHERE c.process_instance_id = ? AND p.ended_at IS NOT NULL")
        .param(root).query(Long.class).single()).isEqualTo(1);
  }

  // --- walking ----------------------------------------------------------------------------

  /** A case opened by a police report in Gulou. */
  private String openedCase() {
    return walk.openedCase("gulou");
  }

  /** The case's procedure started with what the case hands it (see {@link GuardianshipWalk}). */
  private ProcessInstance procedure(String root, Map<String, Object> handedIn) {
    return running(walk.procedure(root, handedIn));
  }

  /** The case's procedure at the court, its application to revoke on this ground filed. */
  private ProcessInstance atCourt(String root, String ground) {
    return running(walk.atCourt(root, ground));
  }

  /** The case's procedure after a conference that chose the lighter measures: 民政 asks for one. */
  private ProcessInstance atMeasures(String root) {
    return running(walk.procedureAt(root, "requestMeasure",
        GuardianshipWalk.investigated("MEASURES")));
  }

  /** The case's latest procedure, running. */
  private ProcessInstance procedureOf(String root) {
    return running(drive.called(root, "guardianship-transfer"));
  }

  private ProcessInstance running(String instanceId) {
    return processInstanceQuery().processInstanceId(instanceId).singleResult();
  }

  /** 民政 asks, the authority takes the measure, the visit a month later finds the change. */
  private void measure(String root, String type, String authority, boolean changed) {
    drive.complete(root, "requestMeasure", Map.of("measureType", type, "measureAuthority",
        authority, "measureRequestNote", "提请"));
    takeAndVisit(root, type, changed);
  }

  private void takeAndVisit(String root, String type, boolean changed) {
    drive.complete(root, "applyMeasure", Map.of("measureOutcome", "TAKEN", "measureType", type,
        "measureNote", "已实施"));
    drive.fire(root, "nextWarningVisit");
    drive.complete(root, "visitAfterMeasure", Map.of("measureVisitDate",
        today().toString(), "guardianChanged", changed, "measureVisitNote", "查访"));
  }

  /** Revoked by a judgment of this date, the judgment carried out with such a guardian. */
  private String revoked(String ground, LocalDate judgmentDate, String guardianType) {
    String root = openedCase();
    atCourt(root, ground);
    court(walk.applicationNumber(root), "（2026）苏0106民特" + System.nanoTime() % 10000 + "号",
        "REVOKED", judgmentDate.toString());
    drive.complete(root, "appointGuardian", placement(guardianType, "祖母"));
    return root;
  }

  private static Map<String, Object> placement(String guardianType, String guardian) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("judgmentNumber", "（2026）苏0106民特1号");
    plan.put("guardianType", guardianType);
    plan.put("newGuardianName", guardian);
    plan.put("placement", "CIVIL_AFFAIRS".equals(guardianType) ? "FOSTER_FAMILY" : "RELATIVE_HOME");
    plan.put("placementInstitution", "鼓楼区某寄养家庭");
    plan.put("parentContact", "每月探望一次");
    plan.put("placementChildView", "愿意");
    return plan;
  }

  private static Map<String, Object> restorationBy(String relation) {
    Map<String, Object> application = new HashMap<>();
    application.put("restorationApplicantRelation", relation);
    application.put("restorationApplicant", "申请人");
    application.put("restorationAppliedDate", today().toString());
    application.put("restorationEvidence", "戒酒证明");
    application.put("restorationChildWishes", "愿意回到母亲身边");
    return application;
  }

  private static Map<String, Object> orderRequest(String applicant, boolean urgent) {
    Map<String, Object> request = new HashMap<>();
    request.put("protectionOrderRequested", true);
    request.put("protectionOrderApplicant", applicant);
    request.put("protectionOrderApplicantName", "鼓楼区民政局");
    request.put("protectionOrderAppliedDate", today().minusDays(1).toString());
    request.put("protectionOrderUrgent", urgent);
    return request;
  }

  private void accept(String root) {
    drive.complete(root, "acceptProtectionOrder", acceptance("（2026）苏0106民保令3号",
        ZonedDateTime.now(NANJING).minusHours(1)));
  }

  /** The court's acceptance as its form asks it: the day, and the time as 时:分. */
  private static Map<String, Object> acceptance(String caseNumber, ZonedDateTime at) {
    return Map.of("protectionOrderCaseNumber", caseNumber, "protectionOrderAcceptedDate",
        at.toLocalDate().toString(), "protectionOrderAcceptedTime",
        at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
  }

  private static Map<String, Object> granted(int months) {
    Map<String, Object> decision = new HashMap<>();
    decision.put("protectionOrderGranted", true);
    decision.put("protectionOrderMeasures",
        SpinValues.jsonValue("[\"NO_VIOLENCE\",\"NO_CONTACT\"]").create());
    decision.put("protectionOrderDecidedDate", today().toString());
    decision.put("protectionOrderMonths", months);
    decision.put("protectionOrderNote", "作出保护令");
    return decision;
  }

  /** An order made today for so many months, served. */
  private ProcessInstance orderInForce(String root, int months) {
    ProcessInstance procedure = procedure(root, Map.of());
    drive.complete(root, "requestProtectionOrder", orderRequest("WOMENS_FEDERATION", false));
    accept(root);
    drive.complete(root, "decideProtectionOrder", granted(months));
    drive.complete(root, "serveProtectionOrder", Map.of("protectionOrderServedDate",
        today().toString(), "protectionOrderServedTo",
        SpinValues.jsonValue("[\"APPLICANT\",\"RESPONDENT\"]").create()));
    return procedure;
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
      body.put("acceptedDate", today().toString());
    }
    Http.Response answer = as("court").postJson("/api/court/rulings", body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.status();
  }

  private String restorationNumber(String root) {
    return (String) walk.variable(root, "restorationApplicationNumber");
  }

  private List<String> candidateGroups(String root, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(drive.task(root, taskKey).getId())
        .stream().filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  /** Today in Nanjing, as the platform's clock has it. */
  private static LocalDate today() {
    return LocalDate.now(NANJING);
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(NANJING).toInstant());
  }

  private static Map<String, Object> policeAnswers(String handedTo) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("childRemoved", !"NOT_REMOVED".equals(handedTo));
    answers.put("handedTo", handedTo);
    answers.put("evidenceList", "伤情照片、病历");
    answers.put("injuryAssessment", true);
    answers.put("policeNote", "已制止侵害");
    return answers;
  }
}
