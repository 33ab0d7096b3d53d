package org.childprotection.process;

import static org.childprotection.process.ProcessVariable.code;
import static org.childprotection.process.ProcessVariable.count;
import static org.childprotection.process.ProcessVariable.day;
import static org.childprotection.process.ProcessVariable.flag;
import static org.childprotection.process.ProcessVariable.id;
import static org.childprotection.process.ProcessVariable.list;
import static org.childprotection.process.ProcessVariable.moment;
import static org.childprotection.process.ProcessVariable.text;
import static org.childprotection.process.ProcessVariable.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.childprotection.assessment.RiskLevel;

/**
 * The process variables the platform's delegates, listeners and model beans read or write, and
 * those the platform starts or correlates a process with, each with the type it is read as. The
 * Java code names them through this class; the models, forms and DMN name them too. The answers
 * of the assessment instruments are named by their own record ({@code AssessmentAnswers}) and
 * table ({@code Need}); the case file's readers of the history list the form fields they show.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  // The case, as the intake registered it (child-protection-case).
  public static final ProcessVariable<Long> CASE_ID = id("caseId");
  public static final ProcessVariable<String> CASE_NUMBER = text("caseNumber");
  public static final ProcessVariable<Long> CHILD_ID = id("childId");
  public static final ProcessVariable<String> DISTRICT = text("district");
  public static final ProcessVariable<List<String>> CATEGORIES = list("categories");
  public static final ProcessVariable<Boolean> URGENT = flag("urgent");
  public static final ProcessVariable<Boolean> IMMEDIATE_DANGER = flag("immediateDanger");
  public static final ProcessVariable<Boolean> MERGED_REPORT_DANGER = flag("mergedReportDanger");
  public static final ProcessVariable<Date> ADULT_DATE = time("adultDate");

  // 登记新个案, the start form of case-registration: personal data, removed once registered.
  public static final ProcessVariable<String> CHILD_NAME = text("childName");
  public static final ProcessVariable<String> CHILD_ID_NUMBER = text("childIdNumber");
  public static final ProcessVariable<String> CHILD_GENDER = text("childGender");
  public static final ProcessVariable<String> CHILD_BIRTH_DATE = text("childBirthDate");
  public static final ProcessVariable<Integer> CHILD_ESTIMATED_AGE = count("childEstimatedAge");
  public static final ProcessVariable<String> HOUSEHOLD = text("household");
  public static final ProcessVariable<String> STREET = text("street");
  public static final ProcessVariable<String> COMMUNITY = text("community");
  public static final ProcessVariable<String> ADDRESS = text("address");
  public static final ProcessVariable<List<String>> SUSPECTED_CATEGORIES =
      list("suspectedCategories");
  public static final ProcessVariable<String> DESCRIPTION = text("description");
  public static final ProcessVariable<String> REPORTER_NAME = text("reporterName");
  public static final ProcessVariable<String> REPORTER_PHONE = text("reporterPhone");

  // 分诊 and 临时照料.
  public static final ProcessVariable<List<String>> CONFIRMED_CATEGORIES =
      list("confirmedCategories");
  public static final ProcessVariable<String> TRIAGE_LEVEL = text("triageLevel");
  public static final ProcessVariable<Date> TRIAGED_AT = time("triagedAt");
  public static final ProcessVariable<LocalDate> CARE_START_DATE = day("careStartDate");
  public static final ProcessVariable<LocalDate> CUSTODY_SINCE = day("custodySince");

  // 评估计分 and the visits' re-scores.
  public static final ProcessVariable<RiskLevel> RISK_LEVEL = code("riskLevel", RiskLevel.class);
  public static final ProcessVariable<Integer> RISK_SCORE = count("riskScore");
  public static final ProcessVariable<Integer> RISK_POINTS_A = count("riskPointsA");
  public static final ProcessVariable<Integer> RISK_POINTS_B = count("riskPointsB");
  public static final ProcessVariable<Integer> RISK_POINTS_C = count("riskPointsC");
  public static final ProcessVariable<Integer> RISK_POINTS_D = count("riskPointsD");
  public static final ProcessVariable<Integer> RISK_POINTS_E = count("riskPointsE");
  public static final ProcessVariable<Boolean> RISK_OVERRIDE = flag("riskOverride");
  public static final ProcessVariable<String> RISK_REASONS = text("riskReasons");
  public static final ProcessVariable<RiskLevel> SCORED_LEVEL =
      code("scoredLevel", RiskLevel.class);
  public static final ProcessVariable<Boolean> RISK_WORSENED = flag("riskWorsened");
  public static final ProcessVariable<Integer> LOWER_SCORE_STREAK = count("lowerScoreStreak");
  public static final ProcessVariable<RiskLevel> LOWER_SCORE_RUN_LEVEL =
      code("lowerScoreRunLevel", RiskLevel.class);
  public static final ProcessVariable<Date> LAST_RESCORE_AT = time("lastRescoreAt");
  public static final ProcessVariable<String> OVERRIDE_CODES = text("overrideCodes");
  public static final ProcessVariable<Boolean> MANDATORY_REPORT = flag("mandatoryReport");
  public static final ProcessVariable<String> NEEDS = text("needs");
  public static final ProcessVariable<Boolean> REENTER_DISPOSAL = flag("reenterDisposal");
  public static final ProcessVariable<Boolean> GUARDIAN_SERIOUS_HARM_NO_CHANGE =
      flag("guardianSeriousHarmNoChange");
  public static final ProcessVariable<Boolean> GUARDIANSHIP_RUNNING = flag("guardianshipRunning");
  public static final ProcessVariable<Boolean> GUARDIANSHIP_STARTED = flag("guardianshipStarted");
  public static final ProcessVariable<String> GUIDANCE = text("guidance");
  public static final ProcessVariable<String> VISIT_NOTE = text("visitNote");

  // 转介.
  public static final ProcessVariable<String> REFERRAL_UNIT = text("referralUnit");
  public static final ProcessVariable<String> REFERRAL_RESULT = text("referralResult");
  public static final ProcessVariable<String> REFERRAL_FEEDBACK = text("referralFeedback");
  public static final ProcessVariable<String> REFERRAL_ACTION = text("referralAction");

  // 结案.
  public static final ProcessVariable<String> CLOSURE_REASON = text("closureReason");
  public static final ProcessVariable<String> CLOSURE_NOTE = text("closureNote");
  public static final ProcessVariable<String> DESTINATION = text("destination");
  public static final ProcessVariable<String> HANDOVER_NOTE = text("handoverNote");

  // The court's applications and answers (court-proceedings).
  public static final ProcessVariable<String> APPLICATION_NUMBER = text("applicationNumber");
  public static final ProcessVariable<String> EVIDENCE_LIST = text("evidenceList");
  public static final ProcessVariable<String> COURT_CASE_NUMBER = text("courtCaseNumber");
  public static final ProcessVariable<LocalDate> ACCEPTED_DATE = day("acceptedDate");
  public static final ProcessVariable<String> RULING_OUTCOME = text("rulingOutcome");
  public static final ProcessVariable<LocalDate> RULING_DATE = day("rulingDate");
  public static final ProcessVariable<String> APPOINTED_GUARDIAN = text("appointedGuardian");

  // The guardianship procedure (guardianship-transfer): its start and its measures.
  public static final ProcessVariable<String> INTERVENTION_ENTRY = text("interventionEntry");
  public static final ProcessVariable<Integer> ADMONITIONS = count("admonitions");
  public static final ProcessVariable<String> INVESTIGATORS = text("investigators");
  public static final ProcessVariable<String> CONFERENCE_ACTIONS = text("conferenceActions");
  public static final ProcessVariable<String> MEASURE_TYPE = text("measureType");
  public static final ProcessVariable<String> MEASURE_AUTHORITY = text("measureAuthority");
  public static final ProcessVariable<String> MEASURE_AUTHORITY_GROUP =
      text("measureAuthorityGroup");
  public static final ProcessVariable<String> MEASURE_REQUESTED_BY = text("measureRequestedBy");
  public static final ProcessVariable<String> MEASURE_OUTCOME = text("measureOutcome");
  public static final ProcessVariable<String> MEASURE_DOCUMENT_NUMBER =
      text("measureDocumentNumber");
  public static final ProcessVariable<String> MEASURE_NOTE = text("measureNote");
  public static final ProcessVariable<Long> MEASURE_ID = id("measureId");
  public static final ProcessVariable<Boolean> GUARDIAN_CHANGED = flag("guardianChanged");

  // 人身安全保护令.
  public static final ProcessVariable<Boolean> PROTECTION_ORDER_REQUESTED =
      flag("protectionOrderRequested");
  public static final ProcessVariable<Boolean> PROTECTION_ORDER_URGENT =
      flag("protectionOrderUrgent");
  public static final ProcessVariable<String> PROTECTION_ORDER_APPLICANT =
      text("protectionOrderApplicant");
  public static final ProcessVariable<LocalDate> PROTECTION_ORDER_APPLIED_DATE =
      day("protectionOrderAppliedDate");
  public static final ProcessVariable<LocalDate> PROTECTION_ORDER_ACCEPTED_DATE =
      day("protectionOrderAcceptedDate");
  public static final ProcessVariable<String> PROTECTION_ORDER_ACCEPTED_TIME =
      text("protectionOrderAcceptedTime");
  public static final ProcessVariable<OffsetDateTime> PROTECTION_ORDER_ACCEPTED_AT =
      moment("protectionOrderAcceptedAt");
  public static final ProcessVariable<Boolean> PROTECTION_ORDER_GRANTED =
      flag("protectionOrderGranted");
  public static final ProcessVariable<LocalDate> PROTECTION_ORDER_DECIDED_DATE =
      day("protectionOrderDecidedDate");
  public static final ProcessVariable<List<String>> PROTECTION_ORDER_MEASURES =
      list("protectionOrderMeasures");
  public static final ProcessVariable<Integer> PROTECTION_ORDER_MONTHS =
      count("protectionOrderMonths");
  public static final ProcessVariable<LocalDate> PROTECTION_ORDER_LAST_DAY =
      day("protectionOrderLastDay");
  public static final ProcessVariable<Boolean> PROTECTION_ORDER_IN_FORCE =
      flag("protectionOrderInForce");
  public static final ProcessVariable<Boolean> EXTENSION_GRANTED = flag("extensionGranted");
  public static final ProcessVariable<Integer> EXTENSION_MONTHS = count("extensionMonths");
  public static final ProcessVariable<String> RECONSIDERATION_OUTCOME =
      text("reconsiderationOutcome");

  // 申请撤销监护人资格 and its judgment.
  public static final ProcessVariable<String> APPLICATION_DECISION = text("applicationDecision");
  public static final ProcessVariable<List<String>> LEGAL_GROUNDS = list("legalGrounds");
  public static final ProcessVariable<String> APPLICANT = text("applicant");
  public static final ProcessVariable<Boolean> PROCURATORATE_SUPPORT =
      flag("procuratorateSupport");
  public static final ProcessVariable<String> GUARDIAN_TYPE = text("guardianType");
  public static final ProcessVariable<String> PLACEMENT = text("placement");
  public static final ProcessVariable<String> NEW_GUARDIAN_NAME = text("newGuardianName");
  public static final ProcessVariable<String> JUDGMENT_NUMBER = text("judgmentNumber");
  public static final ProcessVariable<String> PLACEMENT_INSTITUTION = text("placementInstitution");
  public static final ProcessVariable<String> PARENT_CONTACT = text("parentContact");
  public static final ProcessVariable<String> PLACEMENT_CHILD_VIEW = text("placementChildView");

  // 恢复监护人资格 and the facts that bar it.
  public static final ProcessVariable<String> RESTORATION_APPLICANT_RELATION =
      text("restorationApplicantRelation");
  public static final ProcessVariable<LocalDate> RESTORATION_APPLIED_DATE =
      day("restorationAppliedDate");
  public static final ProcessVariable<String> RESTORATION_EVIDENCE = text("restorationEvidence");
  public static final ProcessVariable<String> RESTORATION_CHILD_WISHES =
      text("restorationChildWishes");
  public static final ProcessVariable<String> RESTORATION_OPINION = text("restorationOpinion");
  public static final ProcessVariable<String> RESTORATION_COURT_FILE =
      text("restorationCourtFile");
  public static final ProcessVariable<String> RESTORATION_APPLICATION_NUMBER =
      text("restorationApplicationNumber");
  public static final ProcessVariable<Boolean> HARM_WITH_SERIOUS_INJURY =
      flag("harmWithSeriousInjury");
  public static final ProcessVariable<Boolean> SENTENCED_FIVE_YEARS_OR_MORE =
      flag("sentencedFiveYearsOrMore");
  public static final ProcessVariable<Boolean> INTENTIONAL_CRIME_AGAINST_CHILD =
      flag("intentionalCrimeAgainstChild");

  // 摸底排查 (survey-launch, district-survey).
  public static final ProcessVariable<LocalDate> SURVEY_DEADLINE = day("surveyDeadline");
  public static final ProcessVariable<String> SURVEY_NOTE = text("surveyNote");
  public static final ProcessVariable<String> SURVEY_PROCESS_INSTANCE_ID =
      text("surveyProcessInstanceId");
  public static final ProcessVariable<String> IMPORT_ID = text("importId");
  public static final ProcessVariable<Integer> IMPORT_ROWS_READ = count("importRowsRead");
  public static final ProcessVariable<Integer> IMPORT_ACCEPTED = count("importAccepted");
  public static final ProcessVariable<Integer> IMPORT_REJECTED = count("importRejected");
  public static final ProcessVariable<Integer> IMPORT_DUPLICATES = count("importDuplicates");
  public static final ProcessVariable<Integer> IMPORT_CASES_OPENED = count("importCasesOpened");
}
