package org.childprotection.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.childprotection.casework.CaseFixtures.conference;
import static org.childprotection.casework.CaseFixtures.greenAnswers;
import static org.childprotection.casework.CaseFixtures.orangeAnswers;
import static org.childprotection.casework.CaseFixtures.redAnswers;
import static org.childprotection.casework.CaseFixtures.report;
import static org.childprotection.casework.CaseFixtures.reportAbout;
import static org.childprotection.casework.CaseFixtures.with;
import static org.childprotection.casework.CaseFixtures.yellowAnswers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.childprotection.deadline.DeadlinePolicy;
import org.childprotection.deadline.DeadlinePolicy.FirstContact;
import org.childprotection.deadline.Deadlines;
import org.childprotection.notification.NotificationTemplate;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.ProcessDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of {@code child-protection-case}, walked as a caseworker would: reports come in
 * through the API, tasks are completed with the answers their forms collect, timers are fired
 * where days would pass. The job executor is off in tests, so each asynchronous step is run
 * here, in order.
 */
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ChildProtectionCaseTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DeadlinePolicy policy;

  @Autowired
  Deadlines deadlines;

  ProcessDriver drive;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
    drive = new ProcessDriver(engine);
  }

  @AfterEach
  void engineTimeIsNowAgain() {
    ClockUtil.reset();
  }

  @Test
  void anUrgentReportCallsThePoliceWhileTheCenterTriages() {
    ProcessInstance instance = open(report("gulou", true, "DOMESTIC_VIOLENCE"));
    runJobs(instance);

    assertThat(instance).isWaitingAt("triage", "policeResponse");
    assertThat(outbox(instance)).contains("protection-center:CASE_OPENED", "police:POLICE_DISPATCH");
    assertThat(task(instance, "triage").getDueDate().toInstant())
        .isBefore(Instant.now().plus(Duration.ofMinutes(61)));
    assertThat(task(instance, "policeResponse")).hasCandidateGroup("police");

    complete(instance, "policeResponse", Map.of("needsTemporaryCare", true, "policeNote", "已带离"));
    assertThat(instance).isWaitingAt("triage", "arrangeTemporaryCare");
    complete(instance, "arrangeTemporaryCare", Map.of("carePlace", "PROTECTION_CENTER",
        "careStartDate", LocalDate.now().toString()));
    assertThat(instance).hasPassed("dangerHandled").isWaitingAt("triage");
  }

  @Test
  void policeWithoutTemporaryCareEndTheirBranch() {
    ProcessInstance instance = open(report("gulou", true, "STREET_BEGGING"));
    runJobs(instance);
    complete(instance, "policeResponse", Map.of("needsTemporaryCare", false, "policeNote", "已处置"));
    assertThat(instance).hasPassed("dangerHandled").hasNotPassed("arrangeTemporaryCare");
  }

  @Test
  void aGreenCaseWithoutReferralsIsVisitedAndClosedWithTheSupervisorsApproval() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", greenAnswers());

    assertThat(instance).isWaitingAt("waitForVisit").hasPassed("Gateway_AnyReferral")
        .hasNotPassed("referrals", "caseConference");
    assertThat(instance).variables().containsEntry("riskLevel", "GREEN");
    assertThat(timer(instance, "waitForVisit").getDuedate().toInstant())
        .isAfter(Instant.now().plus(80, ChronoUnit.DAYS));

    visit(instance, with(greenAnswers(), "visitOutcome", "PROPOSE_CLOSURE"));
    assertThat(task(instance, "approveClosure")).hasCandidateGroup("civil-affairs");
    complete(instance, "approveClosure", Map.of("closureApproved", false, "closureNote", "再观察"));
    assertThat(instance).isWaitingAt("waitForVisit");

    visit(instance, with(greenAnswers(), "visitOutcome", "PROPOSE_CLOSURE"));
    complete(instance, "approveClosure", Map.of("closureApproved", true, "closureNote", "风险已消除"));

    assertThat(instance).isEnded().hasPassed("caseClosed");
    assertThat(caseRow(instance)).containsEntry("STATUS", "CLOSED")
        .containsEntry("CLOSURE_REASON", "RESOLVED");
  }

  @Test
  void theDisposalPlanRefersEachUnitOnceAndRecordsItsFeedback() {
    ProcessInstance instance = assessed("LEFT_BEHIND", with(yellowAnswers(),
        "needMedical", true, "needSchooling", true, "needStudyAid", true));

    List<Task> referrals = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey("handleReferral").list();
    assertThat(referrals).hasSize(3);
    assertThat(referrals).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup("education").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup("health").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup("womens-federation").count()).isEqualTo(1);

    for (Task referral : referrals) {
      engine.getTaskService().complete(referral.getId(), Map.of("referralAction", "已办理",
          "referralResult", "DONE", "referralFeedback", "已落实"));
    }
    assertThat(instance).isWaitingAt("waitForVisit");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE case_id = ? AND status = 'DONE'")
        .param(caseId(instance)).query(Long.class).single()).isEqualTo(3);
    // The case file shows the unit's answer in words, not the form's code.
    assertThat(jdbc.sql("SELECT result FROM referral WHERE case_id = ?").param(caseId(instance))
        .query(String.class).list())
        .allSatisfy(result -> assertThat(result).startsWith("已落实：").doesNotContain("DONE"));
  }

  @Test
  void aRedCaseNeedsAConferenceAndTheSupervisorsApprovalOfThePlan() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", redAnswers());

    assertThat(instance).isWaitingAt("caseConference");
    assertThat(instance).variables().containsEntry("riskLevel", "RED")
        .containsEntry("riskOverride", true);
    complete(instance, "caseConference", conference("安全计划"));
    complete(instance, "reviewPlan", Map.of("planApproved", false, "reviewNote", "补充"));
    assertThat(instance).isWaitingAt("caseConference");
    complete(instance, "caseConference", conference("安全计划（修订）"));
    complete(instance, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));

    assertThat(instance).isWaitingAt("waitForVisit");
    assertThat(timer(instance, "waitForVisit").getDuedate().toInstant())
        .isBefore(Instant.now().plus(8, ChronoUnit.DAYS));
  }

  @Test
  void triageRefersAChildFromOutsideTheCityOut() {
    ProcessInstance instance = open(report("qixia", false, "STREET_BEGGING"));
    runJobs(instance);
    complete(instance, "triage", Map.of("confirmedCategories", List.of("STREET_BEGGING"),
        "urgent", false, "triageOutcome", "REFER_OUT", "triageLevel", "YELLOW"));
    complete(instance, "referOut", Map.of("destination", "安徽省某县民政局",
        "handoverDate", LocalDate.now().toString(), "handoverNote", "已电话对接"));

    assertThat(instance).isEnded().hasPassed("caseReferredOut");
    assertThat(caseRow(instance)).containsEntry("CLOSURE_REASON", "REFERRED_OUT");
  }

  @Test
  void aChildWhoLeftTheCityIsReferredOutFromAVisit() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", greenAnswers());
    visit(instance, with(greenAnswers(), "visitOutcome", "CHILD_LEFT_CITY"));
    assertThat(instance).isWaitingAt("referOut");
    complete(instance, "referOut", Map.of("destination", "上海市某区",
        "handoverDate", LocalDate.now().toString(), "handoverNote", "已移交"));
    assertThat(instance).isEnded();
  }

  @Test
  void aLevelDropsOnlyAfterTwoLowerScoresAndAWorseningReEntersDisposal() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", orangeAnswers());
    assertThat(instance).variables().containsEntry("riskLevel", "ORANGE");

    daysPass(91);
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE"));
    assertThat(instance).variables().containsEntry("riskLevel", "ORANGE")
        .containsEntry("scoredLevel", "GREEN");
    daysPass(91);
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE"));
    assertThat(instance).variables().containsEntry("riskLevel", "GREEN");

    visit(instance, with(redAnswers(), "visitOutcome", "CONTINUE"));
    assertThat(instance).variables().containsEntry("riskLevel", "RED")
        .containsEntry("riskWorsened", true);
    assertThat(instance).isWaitingAt("caseConference");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM visit WHERE case_id = ?").param(caseId(instance))
        .query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void aWorkerEscalatesToGuardianshipTransferAtAVisit() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", greenAnswers());

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));

    ProcessInstance guardianship = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(guardianship.getProcessDefinitionId()).startsWith("guardianship-transfer:");
    assertThat(guardianship.getTenantId()).isEqualTo("gulou");
    assertThat(guardianship.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceId(guardianship.getId()).taskCandidateGroup("police")
        .taskDefinitionKey("policeIntervention").count()).isEqualTo(1);
    assertThat(instance).isWaitingAt("waitForVisit");

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).count()).as("one procedure, not two")
        .isEqualTo(1);
  }

  @Test
  void theCaseClosesItselfWhenTheChildTurnsEighteen() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(18).plusDays(3));
    ProcessInstance instance = open(reportAbout(idNumber, "gulou", false, "SPECIAL_HARDSHIP"));
    runJobs(instance);
    Job birthday = timer(instance, "turnedEighteen");
    assertThat(birthday.getDuedate().toInstant())
        .isAfter(Instant.now().plus(1, ChronoUnit.DAYS))
        .isBefore(Instant.now().plus(4, ChronoUnit.DAYS));

    engine.getManagementService().executeJob(birthday.getId());

    assertThat(instance).isEnded().hasPassed("closedAtAdulthood");
    assertThat(caseRow(instance)).containsEntry("CLOSURE_REASON", "AGE_18");
    assertThat((String) caseRow(instance).get("CLOSURE_NOTE")).contains("年满18周岁")
        .contains("风险等级：未评估");
  }

  /** The hand-over note says the level as people say it, not its code. */
  @Test
  void theHandOverNoteAtEighteenNamesTheRiskLevelInChinese() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(18).plusDays(3));
    ProcessInstance instance = open(reportAbout(idNumber, "gulou", false, "SPECIAL_HARDSHIP"));
    runJobs(instance);
    triage(instance);
    complete(instance, "assessFamily", yellowAnswers());

    engine.getManagementService().executeJob(timer(instance, "turnedEighteen").getId());

    assertThat((String) caseRow(instance).get("CLOSURE_NOTE")).contains("风险等级：三级（黄）")
        .doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void aFurtherReportIsAddedToTheOpenCaseForReview() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(7));
    ProcessInstance instance = open(reportAbout(idNumber, "gulou", false, "LEFT_BEHIND"));
    runJobs(instance);

    Http.Response merged = as("center").postJson("/api/reports",
        reportAbout(idNumber, "gulou", false, "GUARDIANSHIP_LACKING"));

    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.json().get("status").asText()).isEqualTo("MERGED");
    assertThat(instance).isWaitingAt("triage", "reviewNewReport");
    assertThat(instance).variables().containsEntry("categories", "LEFT_BEHIND,GUARDIANSHIP_LACKING");
    complete(instance, "reviewNewReport", Map.of("newReportAssessment", "NO_CHANGE",
        "newReportNote", "已核实"));
    assertThat(instance).hasPassed("newReportReviewed").isWaitingAt("triage");
  }

  @Test
  void aFurtherUrgentReportCallsThePoliceAgainAndMakesTheCaseUrgent() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(5));
    ProcessInstance instance = open(reportAbout(idNumber, "gulou", false, "DOMESTIC_VIOLENCE"));
    runJobs(instance);

    as("police").postJson("/api/reports", reportAbout(idNumber, "gulou", true, "DOMESTIC_VIOLENCE"));
    runJobs(instance);

    assertThat(instance).isWaitingAt("triage", "policeResponse", "reviewNewReport");
    assertThat(outbox(instance)).contains("police:POLICE_DISPATCH");
    assertThat(instance).variables().containsEntry("urgent", true);
    assertThat(caseRow(instance)).containsEntry("URGENT", true);
    complete(instance, "policeResponse", Map.of("needsTemporaryCare", false,
        "policeNote", "已出警"));
    assertThat(instance).hasPassed("dangerHandled").isWaitingAt("triage", "reviewNewReport");
  }

  @Test
  void overdueTriageAndAssessmentAreEscalatedToCivilAffairs() {
    ProcessInstance instance = open(report("gulou", false, "SPECIAL_HARDSHIP"));
    runJobs(instance);

    fire(instance, "TriageOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_TRIAGE");
    assertThat(instance).isWaitingAt("triage");

    triage(instance);
    fire(instance, "AssessmentOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_ASSESSMENT");
    assertThat(instance).isWaitingAt("assessFamily");
  }

  @Test
  void anOverdueConferenceIsEscalated() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", redAnswers());
    fire(instance, "ConferenceOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_CONFERENCE");
    assertThat(instance).isWaitingAt("caseConference");
  }

  @Test
  void aUnitIsRemindedBeforeItsReferralIsDueAndEscalatedAfter() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", with(yellowAnswers(),
        "needLegalAid", true));
    fire(instance, "referralReminder");
    assertThat(outbox(instance)).contains("justice:REFERRAL_REMINDER");
    fire(instance, "ReferralOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_REFERRAL");
    assertThat(instance).isWaitingAt("handleReferral");
  }

  @Test
  void anOverdueVisitIsEscalated() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", greenAnswers());
    fire(instance, "waitForVisit");
    fire(instance, "VisitOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_VISIT");
    assertThat(instance).isWaitingAt("followUpVisit");
  }

  // --- SPEC 5.0: emergency measures do not wait for the assessment ------------------------

  @Test
  void thePoliceAreDueOnSiteWithinTheConfiguredTimeAndEscalatedWhenLate() throws Exception {
    assertThat(policy.policeArrival()).as("SPEC 5.0: 30 minutes to arrive")
        .isEqualTo(Duration.ofMinutes(30));
    ProcessInstance instance = open(report("gulou", true, "DOMESTIC_VIOLENCE"));
    runJobs(instance);

    assertThat(task(instance, "policeResponse").getDueDate().toInstant())
        .isBetween(Instant.now().plus(Duration.ofMinutes(29)),
            Instant.now().plus(Duration.ofMinutes(31)));
    fire(instance, "PoliceResponseOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_POLICE_RESPONSE");
    assertThat(instance).isWaitingAt("policeResponse", "triage");
    assertThat(Files.readString(Path.of("forms/police-response.form")))
        .as("the form sends the police to the case's facts").contains("见本任务的**案情**页");
  }

  @Test
  void aGuardianHarmingTheChildStartsTheProcedureFromIntakeBeforeAnyAssessment() {
    ProcessInstance instance = open(report("gulou", true, "DOMESTIC_VIOLENCE"));
    runJobs(instance);

    complete(instance, "policeResponse", Map.of("needsTemporaryCare", false,
        "guardianHarming", true, "policeNote", "已制止侵害"));

    assertThat(variable(procedure(instance), "interventionEntry")).isEqualTo("EMERGENCY");
    assertThat(instance).hasPassed("emergencyIntervention", "dangerHandled")
        .hasNotPassed("assessFamily", "caseConference").isWaitingAt("triage");

    triage(instance, "RED", true);
    assertThat(instance).hasPassed("procedureAlreadyRunning");
    assertThat(procedures(instance)).as("one procedure at a time").isEqualTo(1);
  }

  @Test
  void temporaryCareBegunAtIntakeIsHandedToTheProcedureAsCustodyToReview() {
    ProcessInstance instance = open(report("gulou", true, "STREET_BEGGING"));
    runJobs(instance);
    complete(instance, "policeResponse", Map.of("needsTemporaryCare", true,
        "policeNote", "已带离"));
    String began = LocalDate.now().minusDays(1).toString();

    complete(instance, "arrangeTemporaryCare", Map.of("careStartDate", began,
        "carePlace", "PROTECTION_CENTER"));

    ProcessInstance procedure = procedure(instance);
    assertThat(variable(procedure, "custodySince")).isEqualTo(began);
    assertThat(variable(procedure, "interventionEntry")).isEqualTo("EMERGENCY");
  }

  @Test
  void theCenterStartsEmergencyMeasuresAtTriageBesideTheAssessment() {
    ProcessInstance instance = open(report("gulou", false, "DOMESTIC_VIOLENCE"));
    runJobs(instance);

    triage(instance, "ORANGE", true);

    assertThat(variable(procedure(instance), "interventionEntry")).isEqualTo("EMERGENCY");
    assertThat(instance).hasPassed("emergencyAtTriage").isWaitingAt("firstContact", "assessFamily");
  }

  // --- SPEC 4a, 5.0: mandatory reporting at the assessment and at visits ------------------

  @Test
  void anOverrideFoundAtTheAssessmentNotifiesThePoliceAtOnce() {
    ProcessInstance instance = assessed("LEFT_BEHIND",
        with(greenAnswers(), "sexualHarmOrPregnancy", true));

    assertThat(outbox(instance)).contains("police:POLICE_DISPATCH");
    assertThat(instance).hasPassed("policeAtAssessment")
        .isWaitingAt("policeResponse", "caseConference");
    Task dispatch = task(instance, "policeResponse");
    assertThat(dispatch.getDueDate()).as("due like the intake's").isNotNull();
    assertThat(timer(instance, "PoliceResponseOverdue")).isNotNull();

    Http.Response answer = as("police").get("/api/tasks/" + dispatch.getId() + "/context");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode context = answer.json();
    assertThat(context.get("view").asText()).isEqualTo("POLICE");
    assertThat(context.at("/child/name").asText()).isEqualTo("测试儿童");
    assertThat(context.at("/child/age").asInt()).isEqualTo(9);
    assertThat(context.at("/child/address").asText()).contains("测试地址1号");
    assertThat(context.at("/reports/0/description").asText()).isEqualTo("测试报告");
    assertThat(context.at("/reports/0/reporterPhone").asText()).isEqualTo("025-12345678");
    assertThat(context.get("riskReasons").toString()).contains("强制报告情形：性侵害或女童怀孕");
  }

  @Test
  void anOverrideFoundAtAVisitNotifiesThePoliceOnceAndANewOneAgain() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", greenAnswers());
    assertThat(dispatches(instance)).isZero();

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "injuryToPrivateParts", true));
    assertThat(instance).hasPassed("policeAtVisit");
    assertThat(dispatches(instance)).isEqualTo(1);
    complete(instance, "caseConference", conference("安全计划"));
    complete(instance, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "injuryToPrivateParts", true));
    assertThat(dispatches(instance)).as("reported already").isEqualTo(1);

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "injuryToPrivateParts", true, "organisedBegging", true));
    assertThat(dispatches(instance)).isEqualTo(2);
    assertThat(outbox(instance).stream().filter("police:POLICE_DISPATCH"::equals)).hasSize(2);
  }

  // --- SPEC 4a: first contact, assessment and re-scores by level -------------------------

  @Test
  void firstContactAndTheAssessmentAreDueByTheLevelSetAtTriage() {
    assertThat(policy.firstContact()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "RED", new FirstContact(Duration.ofHours(2), null),
        "ORANGE", new FirstContact(Duration.ofHours(24), null),
        "YELLOW", new FirstContact(null, 3),
        "GREEN", new FirstContact(null, 5)));
    assertThat(policy.assessmentWorkingDays()).containsEntry("RED", 3)
        .containsEntry("ORANGE", 5).containsEntry("YELLOW", 10);

    Map<String, List<Instant>> due = Map.of(
        "RED", List.of(Instant.now().plus(Duration.ofHours(2)), workingDays(3)),
        "ORANGE", List.of(Instant.now().plus(Duration.ofHours(24)), workingDays(5)),
        "YELLOW", List.of(workingDays(3), workingDays(10)),
        "GREEN", List.of(workingDays(5), workingDays(10)));
    due.forEach((level, expected) -> {
      ProcessInstance instance = open(report("gulou", false, "LEFT_BEHIND"));
      runJobs(instance);
      triage(instance, level, false);
      assertThat(task(instance, "firstContact").getDueDate().toInstant()).as(level)
          .isCloseTo(expected.get(0), within(2, ChronoUnit.MINUTES));
      assertThat(timer(instance, "FirstContactOverdue").getDuedate().toInstant()).as(level)
          .isCloseTo(expected.get(0), within(2, ChronoUnit.MINUTES));
      assertThat(task(instance, "assessFamily").getDueDate().toInstant()).as(level)
          .isCloseTo(expected.get(1), within(2, ChronoUnit.MINUTES));
    });
  }

  @Test
  void aRedCaseGetsASafetyPlanWithinADayOfTriageAndLateContactIsEscalated() {
    ProcessInstance instance = open(report("gulou", false, "DOMESTIC_VIOLENCE"));
    runJobs(instance);
    Instant triaged = Instant.now();
    triage(instance, "RED", false);

    fire(instance, "FirstContactOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_FIRST_CONTACT");
    complete(instance, "firstContact", firstContact("ON_SITE"));
    assertThat(task(instance, "safetyPlan")).hasCandidateGroup("district-gulou");
    assertThat(task(instance, "safetyPlan").getDueDate().toInstant())
        .isCloseTo(triaged.plus(Duration.ofHours(24)), within(2, ChronoUnit.MINUTES));
    fire(instance, "SafetyPlanOverdue");
    assertThat(outbox(instance)).contains("civil-affairs:ESCALATION_SAFETY_PLAN");
    complete(instance, "safetyPlan", Map.of("safetyPlanDate", LocalDate.now().toString(),
        "immediateSafetyPlan", "暂住外婆家，由外婆照看"));

    assertThat(instance).hasPassed("safetyPlanMade").isWaitingAt("assessFamily");
  }

  @Test
  void belowRedTheFirstContactNeedsNoSafetyPlan() {
    ProcessInstance instance = open(report("gulou", false, "LEFT_BEHIND"));
    runJobs(instance);
    triage(instance, "YELLOW", false);

    complete(instance, "firstContact", firstContact("IN_PERSON"));

    assertThat(instance).hasPassed("firstContactDone").hasNotPassed("safetyPlan")
        .isWaitingAt("assessFamily");
  }

  @Test
  void aRedCaseStaysRedUntilTwoLowerRescoresThirtyDaysApart() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", redAnswers());
    complete(instance, "caseConference", conference("安全计划"));
    complete(instance, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE"));
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE"));
    assertThat(instance).variables().as("two weekly visits, no re-score due")
        .containsEntry("scoredLevel", "GREEN").containsEntry("riskLevel", "RED");

    daysPass(31);
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE"));
    assertThat(instance).variables().containsEntry("riskLevel", "RED")
        .containsEntry("lowerScoreStreak", 1);
    daysPass(31);
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE"));
    assertThat(instance).variables().containsEntry("riskLevel", "GREEN");
  }

  // --- SPEC 5.5: a case may go through the procedure more than once, one at a time --------

  @Test
  void afterADismissedJudgmentAndNewHarmTheDistrictStartsASecondProcedure() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", greenAnswers());
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    ProcessInstance first = procedure(instance);

    dismissedAndMonitored(instance, first, "HARM");

    assertThat(drive.ended(first.getId())).isTrue();
    assertThat(task(instance, "redispose")).hasCandidateGroup("district-gulou");
    complete(instance, "redispose", Map.of("redisposal", "ASSESSMENT",
        "redisposalNote", "父亲再次殴打儿童，重新申请"));
    ProcessInstance second = procedure(instance);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(variable(second, "interventionEntry")).isEqualTo("ASSESSMENT");
    assertThat(procedures(instance)).isEqualTo(2);
  }

  @Test
  void onceAProcedureHasEndedAVisitMayStartAnother() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", greenAnswers());
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    dismissedAndMonitored(instance, procedure(instance), "GOOD");
    drive.fire(instance.getId(), "monitoringEnds");
    assertThat(instance).hasPassed("guardianshipConcluded");
    assertThat(instance).variables().as("the request was taken up")
        .containsEntry("guardianSeriousHarmNoChange", false);

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    assertThat(procedures(instance)).isEqualTo(2);
    dismissedAndMonitored(instance, procedure(instance), "HARM");
    complete(instance, "redispose", Map.of("redisposal", "MONITOR",
        "redisposalNote", "已告诫，继续跟踪"));
    assertThat(instance).hasPassed("keptMonitoring");
    assertThat(procedures(instance)).isEqualTo(2);
  }

  // --- walking the case --------------------------------------------------------------------

  private ProcessInstance open(Map<String, Object> report) {
    Http.Response answer = as("center").postJson("/api/reports", report);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(answer.json().get("processInstanceId").asText()).singleResult();
  }

  /** Opened, triaged, assessed with these answers, and any notifications sent. */
  private ProcessInstance assessed(String category, Map<String, Object> answers) {
    ProcessInstance instance = open(report("gulou", false, category));
    runJobs(instance);
    triage(instance);
    assertThat(task(instance, "assessFamily")).hasCandidateGroup("district-gulou");
    complete(instance, "assessFamily", answers);
    return instance;
  }

  private void triage(ProcessInstance instance, String level, boolean emergencyMeasures) {
    complete(instance, "triage", Map.of("confirmedCategories",
        List.of(engine.getRuntimeService().getVariable(instance.getId(), "categories")
            .toString().split(",")),
        "urgent", false, "triageOutcome", "ASSESS", "triageLevel", level,
        "emergencyMeasures", emergencyMeasures));
  }

  private static Map<String, Object> firstContact(String mode) {
    return Map.of("firstContactDate", LocalDate.now().toString(), "firstContactMode", mode,
        "firstContactNote", "已见到儿童，暂时安全");
  }

  /** The running guardianship procedure the case called. */
  private ProcessInstance procedure(ProcessInstance instance) {
    ProcessInstance procedure = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(procedure).as("a running guardianship procedure").isNotNull();
    assertThat(procedure.getProcessDefinitionId()).startsWith("guardianship-transfer:");
    return procedure;
  }

  /** Every guardianship procedure the case called, running or ended. */
  private long procedures(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).count();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  /** Police dispatches of the case so far (每次一项出警任务). */
  private long dispatches(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey("policeResponse").count();
  }

  private void dismissedAndMonitored(ProcessInstance instance, ProcessInstance procedure,
      String wellBeing) {
    CaseFixtures.dismissedAndMonitored(engine, drive, instance.getId(), procedure.getId(),
        wellBeing);
  }

  private Instant workingDays(int days) {
    return deadlines.workingDays(days).toInstant();
  }

  /** Days pass in the engine's time, by which the case's re-scores fall due. */
  private static void daysPass(int days) {
    ClockUtil.setCurrentTime(Date.from(
        ClockUtil.getCurrentTime().toInstant().plus(days, ChronoUnit.DAYS)));
  }

  private void triage(ProcessInstance instance) {
    complete(instance, "triage", Map.of("confirmedCategories",
        List.of(engine.getRuntimeService().getVariable(instance.getId(), "categories")
            .toString().split(",")),
        "urgent", false, "triageOutcome", "ASSESS", "triageLevel", "YELLOW"));
  }

  private void visit(ProcessInstance instance, Map<String, Object> answers) {
    fire(instance, "waitForVisit");
    complete(instance, "followUpVisit", with(answers, "guidance", "监护指导", "visitNote", "走访"));
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(instance, taskKey).getId(), variables);
    runJobs(instance);
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().singleResult();
  }

  /** Days pass: the timer of this activity fires now. */
  private void fire(ProcessInstance instance, String activityId) {
    Job timer = timer(instance, activityId);
    assertThat(timer).as("timer " + activityId).isNotNull();
    engine.getManagementService().executeJob(timer.getId());
    runJobs(instance);
  }

  /** Runs the asynchronous steps that are due, as the job executor would. */
  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private List<String> outbox(ProcessInstance instance) {
    return jdbc.sql("SELECT recipient, subject, n.case_number FROM notification n "
            + "JOIN protection_case c ON c.case_number = n.case_number "
            + "WHERE c.process_instance_id = ? AND n.channel = 'OUTBOX'")
        .param(instance.getId())
        .query((rs, i) -> rs.getString(1) + ":" + template(rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Which template a delivered subject was written from. */
  private static String template(String subject, String caseNumber) {
    for (NotificationTemplate template : NotificationTemplate.values()) {
      if (template.subject(caseNumber).equals(subject)) {
        return template.name();
      }
    }
    return subject;
  }

  private Map<String, Object> caseRow(ProcessInstance instance) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("SELECT * FROM protection_case WHERE process_instance_id = ?")
        .param(instance.getId()).query().singleRow()
        .forEach((k, v) -> row.put(k.toUpperCase(), v));
    return row;
  }

  private long caseId(ProcessInstance instance) {
    return ((Number) caseRow(instance).get("ID")).longValue();
  }
}
