package org.childprotection.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
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
import org.childprotection.deadline.DeadlinePolicy;
import org.childprotection.deadline.DeadlinePolicy.FirstContact;
import org.childprotection.deadline.Deadlines;
import org.childprotection.support.Http;
import org.childprotection.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code child-protection-case}, walked as a caseworker would: reports come in
 * through the API, tasks are completed with the answers their forms collect, timers are fired
 * where days would pass. A scenario of the visits starts a case at its next visit, as its
 * assessment leaves it; one scenario walks a case from its report to its closure
 * ({@link #aGreenCaseWithoutReferralsIsVisitedAndClosedWithTheSupervisorsApproval}).
 */
class ChildProtectionCaseTest extends ScenarioTest {

  @Autowired
  DeadlinePolicy policy;

  @Autowired
  Deadlines deadlines;

  @Test
  void anUrgentReportCallsThePoliceWhileTheCenterTriages() {
    ProcessInstance instance = open(report("gulou", true, "DOMESTIC_VIOLENCE"));

    assertThat(instance).isWaitingAt("triage", "policeResponse");
    assertThat(outbox(instance.getId())).contains("protection-center:CASE_OPENED",
        "police:POLICE_DISPATCH");
    assertThat(drive.task(instance, "triage").getDueDate().toInstant())
        .isBefore(Instant.now().plus(Duration.ofMinutes(61)));
    assertThat(drive.task(instance, "policeResponse")).hasCandidateGroup("police");

    drive.complete(instance, "policeResponse", Map.of("needsTemporaryCare", true,
        "policeNote", "已带离"));
    assertThat(instance).isWaitingAt("triage", "arrangeTemporaryCare");
    drive.complete(instance, "arrangeTemporaryCare", Map.of("carePlace", "PROTECTION_CENTER",
        "careStartDate", LocalDate.now().toString()));
    assertThat(instance).hasPassed("dangerHandled").isWaitingAt("triage");
  }

  @Test
  void policeWithoutTemporaryCareEndTheirBranch() {
    ProcessInstance instance = open(report("gulou", true, "STREET_BEGGING"));
    drive.complete(instance, "policeResponse", Map.of("needsTemporaryCare", false,
        "policeNote", "已处置"));
    assertThat(instance).hasPassed("dangerHandled").hasNotPassed("arrangeTemporaryCare");
  }

  @Test
  void aGreenCaseWithoutReferralsIsVisitedAndClosedWithTheSupervisorsApproval() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", greenAnswers());

    // From the plan straight to the visit: the history keeps no gateway a path passed.
    assertThat(instance).isWaitingAt("waitForVisit").hasPassed("planDisposal")
        .hasNotPassed("referrals", "caseConference");
    assertThat(instance).variables().containsEntry("riskLevel", "GREEN");
    assertThat(drive.timer(instance, "waitForVisit").getDuedate().toInstant())
        .isAfter(Instant.now().plus(80, ChronoUnit.DAYS));

    visit(instance, with(greenAnswers(), "visitOutcome", "PROPOSE_CLOSURE"));
    assertThat(drive.task(instance, "approveClosure")).hasCandidateGroup("civil-affairs");
    drive.complete(instance, "approveClosure", Map.of("closureApproved", false,
        "closureNote", "再观察"));
    assertThat(instance).isWaitingAt("waitForVisit");

    visit(instance, with(greenAnswers(), "visitOutcome", "PROPOSE_CLOSURE"));
    drive.complete(instance, "approveClosure", Map.of("closureApproved", true,
        "closureNote", "风险已消除"));

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
    drive.complete(instance, "caseConference", conference("安全计划"));
    drive.complete(instance, "reviewPlan", Map.of("planApproved", false, "reviewNote", "补充"));
    assertThat(instance).isWaitingAt("caseConference");
    drive.complete(instance, "caseConference", conference("安全计划（修订）"));
    drive.complete(instance, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));

    assertThat(instance).isWaitingAt("waitForVisit");
    assertThat(drive.timer(instance, "waitForVisit").getDuedate().toInstant())
        .isBefore(Instant.now().plus(8, ChronoUnit.DAYS));
  }

  @Test
  void triageRefersAChildFromOutsideTheCityOut() {
    ProcessInstance instance = open(report("qixia", false, "STREET_BEGGING"));
    drive.complete(instance, "triage", Map.of("confirmedCategories", List.of("STREET_BEGGING"),
        "urgent", false, "triageOutcome", "REFER_OUT", "triageLevel", "YELLOW"));
    drive.complete(instance, "referOut", Map.of("destination", "安徽省某县民政局",
        "handoverDate", LocalDate.now().toString(), "handoverNote", "已电话对接"));

    assertThat(instance).isEnded().hasPassed("caseReferredOut");
    assertThat(caseRow(instance)).containsEntry("CLOSURE_REASON", "REFERRED_OUT");
  }

  @Test
  void aChildWhoLeftTheCityIsReferredOutFromAVisit() {
    ProcessInstance instance = awaitingVisit("SPECIAL_HARDSHIP", "GREEN");
    visit(instance, with(greenAnswers(), "visitOutcome", "CHILD_LEFT_CITY"));
    assertThat(instance).isWaitingAt("referOut");
    drive.complete(instance, "referOut", Map.of("destination", "上海市某区",
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
    ProcessInstance instance = awaitingVisit("DOMESTIC_VIOLENCE", "GREEN");

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
    Job birthday = drive.timer(instance, "turnedEighteen");
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
    triage(instance);
    drive.complete(instance, "assessFamily", yellowAnswers());

    engine.getManagementService().executeJob(drive.timer(instance, "turnedEighteen").getId());

    assertThat((String) caseRow(instance).get("CLOSURE_NOTE")).contains("风险等级：三级（黄）")
        .doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void aFurtherReportIsAddedToTheOpenCaseForReview() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(7));
    ProcessInstance instance = open(reportAbout(idNumber, "gulou", false, "LEFT_BEHIND"));

    Http.Response merged = as("center").postJson("/api/reports",
        reportAbout(idNumber, "gulou", false, "GUARDIANSHIP_LACKING"));

    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.json().get("status").asText()).isEqualTo("MERGED");
    assertThat(instance).isWaitingAt("triage", "reviewNewReport");
    assertThat(instance).variables().containsEntry("categories", "LEFT_BEHIND,GUARDIANSHIP_LACKING");
    drive.complete(instance, "reviewNewReport", Map.of("newReportAssessment", "NO_CHANGE",
        "newReportNote", "已核实"));
    assertThat(instance).hasPassed("newReportReviewed").isWaitingAt("triage");
  }

  @Test
  void aFurtherUrgentReportCallsThePoliceAgainAndMakesTheCaseUrgent() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(5));
    ProcessInstance instance = open(reportAbout(idNumber, "gulou", false, "DOMESTIC_VIOLENCE"));

    as("police").postJson("/api/reports", reportAbout(idNumber, "gulou", true, "DOMESTIC_VIOLENCE"));
    drive.runJobs(instance.getId());

    assertThat(instance).isWaitingAt("triage", "policeResponse", "reviewNewReport");
    assertThat(outbox(instance.getId())).contains("police:POLICE_DISPATCH");
    assertThat(instance).variables().containsEntry("urgent", true);
    assertThat(caseRow(instance)).containsEntry("URGENT", true);
    drive.complete(instance, "policeResponse", Map.of("needsTemporaryCare", false,
        "policeNote", "已出警"));
    assertThat(instance).hasPassed("dangerHandled").isWaitingAt("triage", "reviewNewReport");
  }

  @Test
  void overdueTriageAndAssessmentAreEscalatedToCivilAffairs() {
    ProcessInstance instance = open(report("gulou", false, "SPECIAL_HARDSHIP"));

    drive.fire(instance, "TriageOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_TRIAGE");
    assertThat(instance).isWaitingAt("triage");

    triage(instance);
    drive.fire(instance, "AssessmentOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_ASSESSMENT");
    assertThat(instance).isWaitingAt("assessFamily");
  }

  @Test
  void anOverdueConferenceIsEscalated() {
    ProcessInstance instance = open(report("gulou", false, "DOMESTIC_VIOLENCE"));
    drive.moveBranch(instance.getId(), "triage", "caseConference", Map.of("riskLevel", "RED"));
    drive.fire(instance, "ConferenceOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_CONFERENCE");
    assertThat(instance).isWaitingAt("caseConference");
  }

  @Test
  void aUnitIsRemindedBeforeItsReferralIsDueAndEscalatedAfter() {
    ProcessInstance instance = assessed("SPECIAL_HARDSHIP", with(yellowAnswers(),
        "needLegalAid", true));
    drive.fire(instance, "referralReminder");
    assertThat(outbox(instance.getId())).contains("justice:REFERRAL_REMINDER");
    drive.fire(instance, "ReferralOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_REFERRAL");
    assertThat(instance).isWaitingAt("handleReferral");
  }

  @Test
  void anOverdueVisitIsEscalated() {
    ProcessInstance instance = awaitingVisit("SPECIAL_HARDSHIP", "GREEN");
    drive.fire(instance, "waitForVisit");
    drive.fire(instance, "VisitOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_VISIT");
    assertThat(instance).isWaitingAt("followUpVisit");
  }

  // --- SPEC 5.0: emergency measures do not wait for the assessment ------------------------

  @Test
  void thePoliceAreDueOnSiteWithinTheConfiguredTimeAndEscalatedWhenLate() throws Exception {
    assertThat(policy.policeArrival()).as("SPEC 5.0: 30 minutes to arrive")
        .isEqualTo(Duration.ofMinutes(30));
    ProcessInstance instance = open(report("gulou", true, "DOMESTIC_VIOLENCE"));

    assertThat(drive.task(instance, "policeResponse").getDueDate().toInstant())
        .isBetween(Instant.now().plus(Duration.ofMinutes(29)),
            Instant.now().plus(Duration.ofMinutes(31)));
    drive.fire(instance, "PoliceResponseOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_POLICE_RESPONSE");
    assertThat(instance).isWaitingAt("policeResponse", "triage");
    assertThat(Files.readString(Path.of("forms/police-response.form")))
        .as("the form sends the police to the case's facts").contains("见本任务的**案情**页");
  }

  @Test
  void aGuardianHarmingTheChildStartsTheProcedureFromIntakeBeforeAnyAssessment() {
    ProcessInstance instance = open(report("gulou", true, "DOMESTIC_VIOLENCE"));

    drive.complete(instance, "policeResponse", Map.of("needsTemporaryCare", false,
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
    drive.complete(instance, "policeResponse", Map.of("needsTemporaryCare", true,
        "policeNote", "已带离"));
    String began = LocalDate.now().minusDays(1).toString();

    drive.complete(instance, "arrangeTemporaryCare", Map.of("careStartDate", began,
        "carePlace", "PROTECTION_CENTER"));

    ProcessInstance procedure = procedure(instance);
    assertThat(variable(procedure, "custodySince")).isEqualTo(began);
    assertThat(variable(procedure, "interventionEntry")).isEqualTo("EMERGENCY");
  }

  @Test
  void theCenterStartsEmergencyMeasuresAtTriageBesideTheAssessment() {
    ProcessInstance instance = open(report("gulou", false, "DOMESTIC_VIOLENCE"));

    triage(instance, "ORANGE", true);

    assertThat(variable(procedure(instance), "interventionEntry")).isEqualTo("EMERGENCY");
    assertThat(instance).hasPassed("emergencyAtTriage").isWaitingAt("firstContact", "assessFamily");
  }

  // --- SPEC 4a, 5.0: mandatory reporting at the assessment and at visits ------------------

  @Test
  void anOverrideFoundAtTheAssessmentNotifiesThePoliceAtOnce() {
    ProcessInstance instance = assessed("LEFT_BEHIND",
        with(greenAnswers(), "sexualHarmOrPregnancy", true));

    assertThat(outbox(instance.getId())).contains("police:POLICE_DISPATCH");
    assertThat(instance).hasPassed("policeAtAssessment")
        .isWaitingAt("policeResponse", "caseConference");
    Task dispatch = drive.task(instance, "policeResponse");
    assertThat(dispatch.getDueDate()).as("due like the intake's").isNotNull();
    assertThat(drive.timer(instance, "PoliceResponseOverdue")).isNotNull();

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
    ProcessInstance instance = awaitingVisit("SPECIAL_HARDSHIP", "GREEN");
    assertThat(dispatches(instance)).isZero();

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "injuryToPrivateParts", true));
    assertThat(instance).hasPassed("policeAtVisit");
    assertThat(dispatches(instance)).isEqualTo(1);
    drive.complete(instance, "caseConference", conference("安全计划"));
    drive.complete(instance, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "injuryToPrivateParts", true));
    assertThat(dispatches(instance)).as("reported already").isEqualTo(1);

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "injuryToPrivateParts", true, "organisedBegging", true));
    assertThat(dispatches(instance)).isEqualTo(2);
    assertThat(outbox(instance.getId()).stream().filter("police:POLICE_DISPATCH"::equals))
        .hasSize(2);
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
      triage(instance, level, false);
      assertThat(drive.task(instance, "firstContact").getDueDate().toInstant()).as(level)
          .isCloseTo(expected.get(0), within(2, ChronoUnit.MINUTES));
      assertThat(drive.timer(instance, "FirstContactOverdue").getDuedate().toInstant()).as(level)
          .isCloseTo(expected.get(0), within(2, ChronoUnit.MINUTES));
      assertThat(drive.task(instance, "assessFamily").getDueDate().toInstant()).as(level)
          .isCloseTo(expected.get(1), within(2, ChronoUnit.MINUTES));
    });
  }

  @Test
  void aRedCaseGetsASafetyPlanWithinADayOfTriageAndLateContactIsEscalated() {
    ProcessInstance instance = open(report("gulou", false, "DOMESTIC_VIOLENCE"));
    Instant triaged = Instant.now();
    triage(instance, "RED", false);

    drive.fire(instance, "FirstContactOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_FIRST_CONTACT");
    drive.complete(instance, "firstContact", firstContact("ON_SITE"));
    assertThat(drive.task(instance, "safetyPlan")).hasCandidateGroup("district-gulou");
    assertThat(drive.task(instance, "safetyPlan").getDueDate().toInstant())
        .isCloseTo(triaged.plus(Duration.ofHours(24)), within(2, ChronoUnit.MINUTES));
    drive.fire(instance, "SafetyPlanOverdue");
    assertThat(outbox(instance.getId())).contains("civil-affairs:ESCALATION_SAFETY_PLAN");
    drive.complete(instance, "safetyPlan", Map.of("safetyPlanDate", LocalDate.now().toString(),
        "immediateSafetyPlan", "暂住外婆家，由外婆照看"));

    assertThat(instance).hasPassed("safetyPlanMade").isWaitingAt("assessFamily");
  }

  @Test
  void belowRedTheFirstContactNeedsNoSafetyPlan() {
    ProcessInstance instance = open(report("gulou", false, "LEFT_BEHIND"));
    triage(instance, "YELLOW", false);

    drive.complete(instance, "firstContact", firstContact("IN_PERSON"));

    assertThat(instance).hasPassed("firstContactDone").hasNotPassed("safetyPlan")
        .isWaitingAt("assessFamily");
  }

  @Test
  void aRedCaseStaysRedUntilTwoLowerRescoresThirtyDaysApart() {
    ProcessInstance instance = assessed("DOMESTIC_VIOLENCE", redAnswers());
    drive.complete(instance, "caseConference", conference("安全计划"));
    drive.complete(instance, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));

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
    ProcessInstance instance = awaitingVisit("DOMESTIC_VIOLENCE", "GREEN");
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    ProcessInstance first = procedure(instance);

    dismissedAndMonitored(instance, first, "HARM");

    assertThat(first).isEnded();
    assertThat(drive.task(instance, "redispose")).hasCandidateGroup("district-gulou");
    drive.complete(instance, "redispose", Map.of("redisposal", "ASSESSMENT",
        "redisposalNote", "父亲再次殴打儿童，重新申请"));
    ProcessInstance second = procedure(instance);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(variable(second, "interventionEntry")).isEqualTo("ASSESSMENT");
    assertThat(procedures(instance)).isEqualTo(2);
  }

  @Test
  void onceAProcedureHasEndedAVisitMayStartAnother() {
    ProcessInstance instance = awaitingVisit("DOMESTIC_VIOLENCE", "GREEN");
    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    dismissedAndMonitored(instance, procedure(instance), "GOOD");
    drive.fire(instance, "monitoringEnds");
    assertThat(instance).hasPassed("guardianshipConcluded");
    assertThat(instance).variables().as("the request was taken up")
        .containsEntry("guardianSeriousHarmNoChange", false);

    visit(instance, with(greenAnswers(), "visitOutcome", "CONTINUE",
        "guardianSeriousHarmNoChange", true));
    assertThat(procedures(instance)).isEqualTo(2);
    dismissedAndMonitored(instance, procedure(instance), "HARM");
    drive.complete(instance, "redispose", Map.of("redisposal", "MONITOR",
        "redisposalNote", "已告诫，继续跟踪"));
    assertThat(instance).hasPassed("keptMonitoring");
    assertThat(procedures(instance)).isEqualTo(2);
  }

  // --- walking the case --------------------------------------------------------------------

  /** A new case, reported to the center through the API. */
  private ProcessInstance open(Map<String, Object> report) {
    return processInstanceQuery()
        .processInstanceId(CaseFixtures.open(as("center"), drive, report)).singleResult();
  }

  /** Opened, triaged, assessed with these answers, and any notifications sent. */
  private ProcessInstance assessed(String category, Map<String, Object> answers) {
    ProcessInstance instance = open(report("gulou", false, category));
    triage(instance);
    assertThat(drive.task(instance, "assessFamily")).hasCandidateGroup("district-gulou");
    drive.complete(instance, "assessFamily", answers);
    return instance;
  }

  /**
   * A new case as an assessment at this level leaves it (no 强制报告 situation, no referral),
   * waiting for its next visit: the triage and the assessment are not replayed.
   */
  private ProcessInstance awaitingVisit(String category, String level) {
    ProcessInstance instance = open(report("gulou", false, category));
    drive.moveBranch(instance.getId(), "triage", "waitForVisit", Map.of("riskLevel", level,
        "scoredLevel", level, "overrideCodes", "", "lowerScoreStreak", 0,
        "lastRescoreAt", ClockUtil.getCurrentTime()));
    return instance;
  }

  private void triage(ProcessInstance instance) {
    triage(instance, "YELLOW", false);
  }

  private void triage(ProcessInstance instance, String level, boolean emergencyMeasures) {
    String[] categories = engine.getRuntimeService().getVariable(instance.getId(), "categories")
        .toString().split(",");
    drive.complete(instance, "triage", with(CaseFixtures.triage(level, categories),
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
    CaseFixtures.dismissedAndMonitored(drive, instance.getId(), procedure.getId(), wellBeing);
  }

  private Instant workingDays(int days) {
    return deadlines.workingDays(days).toInstant();
  }

  /** Days pass in the engine's time, by which the case's re-scores fall due. */
  private static void daysPass(int days) {
    ClockUtil.setCurrentTime(Date.from(
        ClockUtil.getCurrentTime().toInstant().plus(days, ChronoUnit.DAYS)));
  }

  private void visit(ProcessInstance instance, Map<String, Object> answers) {
    drive.fire(instance, "waitForVisit");
    drive.complete(instance, "followUpVisit", with(answers, "guidance", "监护指导",
        "visitNote", "走访"));
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
