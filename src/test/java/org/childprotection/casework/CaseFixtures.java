package org.childprotection.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.spin.plugin.variable.SpinValues;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;
import org.childprotection.support.ProcessDriver;

/**
 * Reports and form answers for the scenario tests, each built here once: made-up children with
 * valid ID numbers, and the answers each process's forms collect.
 */
public final class CaseFixtures {

  /** The platform's day is Nanjing's (the test JVM runs in UTC). */
  private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 900);

  private CaseFixtures() {}

  /** A fresh, valid ID number of a child born on the given day (Gulou region code). */
  public static String idNumber(LocalDate birth) {
    return IdNumber.withCheckCharacter("320106" + birth.toString().replace("-", "")
        + String.format("%03d", SEQUENCE.incrementAndGet() % 1000));
  }

  /** A hotline report about a new child of nine, 测试儿童. */
  public static Map<String, Object> report(String district, boolean danger,
      String... categories) {
    return reportAbout(idNumber(LocalDate.now().minusYears(9)), district, danger, categories);
  }

  /** A hotline report about a new child of nine called so. */
  public static Map<String, Object> reportNamed(String childName, String district,
      boolean danger, String... categories) {
    return report(childName, idNumber(LocalDate.now().minusYears(9)), district, danger,
        categories);
  }

  /** A report about the child with this ID number. */
  public static Map<String, Object> reportAbout(String idNumber, String district, boolean danger,
      String... categories) {
    return report("测试儿童", idNumber, district, danger, categories);
  }

  private static Map<String, Object> report(String childName, String idNumber, String district,
      boolean danger, String... categories) {
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "HOTLINE_12345");
    report.put("receivedAt", "2026-11-28T09:30:00+08:00");
    report.put("reporter", Map.of("name", "报告人", "phone", "025-12345678", "type", "NEIGHBOUR"));
    report.put("child", Map.of("name", childName, "idNumber", idNumber, "gender", "M"));
    report.put("location", Map.of("district", district, "street", "湖南路街道",
        "community", "凤凰二村社区", "address", "测试地址1号"));
    report.put("suspectedCategories", List.of(categories));
    report.put("immediateDanger", danger);
    report.put("description", "测试报告");
    return report;
  }

  /** The report sent through the API by this user: a new case; its instance, jobs run. */
  public static String open(Http reporter, ProcessDriver driver, Map<String, Object> report) {
    Http.Response opened = reporter.postJson("/api/reports", report);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String instance = opened.json().get("processInstanceId").asText();
    driver.runJobs(instance);
    return instance;
  }

  /** A new 鼓楼 case, reported through the API and triaged: waiting for the assessment. */
  public static String caseAwaitingAssessment(Http center, ProcessDriver driver) {
    String instance = open(center, driver, report("gulou", false, "SPECIAL_HARDSHIP"));
    driver.complete(instance, "triage", triage("YELLOW", "SPECIAL_HARDSHIP"));
    return instance;
  }

  /** The center's triage: the case is to be assessed at this first level. */
  public static Map<String, Object> triage(String level, String... confirmedCategories) {
    Map<String, Object> triage = new HashMap<>();
    triage.put("urgent", false);
    triage.put("triageOutcome", "ASSESS");
    triage.put("triageLevel", level);
    triage.put("confirmedCategories", List.of(confirmedCategories));
    return triage;
  }

  /** Answers that score GREEN for a nine-year-old: 5 points (age band 6–11). */
  public static Map<String, Object> greenAnswers() {
    Map<String, Object> answers = new HashMap<>();
    for (String flag : List.of("injuryToPrivateParts", "sexualHarmOrPregnancy",
        "multipleInjuriesOrSevereMalnutrition", "disabilityOrDeathFromAbnormalCause",
        "abandonedOrLongWithoutCare", "unknownOriginMissingOrTrafficked", "organisedBegging",
        "imminentDanger", "harmInProgress", "withoutCare", "livingAlone", "guardianIncapacity",
        "refusesToEntrustCare", "singleParent", "disabilityOrSeriousIllness",
        "mentalOrBehaviourProblems", "housingHazards", "separatedFromParentsOver12Months",
        "noOtherAbleGuardian", "noContactWithSchoolOrCommunity",
        "eligibleForAidButNotReceiving", "guardianSeriousHarmNoChange")) {
      answers.put(flag, false);
    }
    answers.put("guardianHarm", "NONE");
    answers.put("income", "ADEQUATE");
    answers.put("visitDate", LocalDate.now().toString());
    answers.put("assessmentNote", "走访记录");
    return answers;
  }

  /** YELLOW: 5 (age) + 10 (neglect) + 10 (below 低保) = 25 points. */
  public static Map<String, Object> yellowAnswers() {
    Map<String, Object> answers = greenAnswers();
    answers.put("guardianHarm", "NEGLECT_OR_VERBAL");
    answers.put("income", "BELOW_DIBAO");
    return answers;
  }

  /** ORANGE: 5 + 20 (injury) + 10 (below 低保) + 5 (housing) = 40 points. */
  public static Map<String, Object> orangeAnswers() {
    Map<String, Object> answers = yellowAnswers();
    answers.put("guardianHarm", "INJURY_OR_PRIOR_WARNING");
    answers.put("housingHazards", true);
    return answers;
  }

  /** RED by override: harm in progress. */
  public static Map<String, Object> redAnswers() {
    Map<String, Object> answers = greenAnswers();
    answers.put("harmInProgress", true);
    return answers;
  }

  /** The case conference's answers: held today, with the center and the police. */
  public static Map<String, Object> conference(String safetyPlan) {
    return Map.of("conferenceDate", LocalDate.now().toString(),
        "participants", List.of("protection-center", "police"), "safetyPlan", safetyPlan);
  }

  /** 调查评估: a report of three investigators, recommending so (REVOKE, MEASURES …). */
  public static Map<String, Object> investigation(String recommendation) {
    Map<String, Object> report = new HashMap<>();
    report.put("investigators", "甲\n乙\n丙");
    report.put("reportDate", LocalDate.now(NANJING).toString());
    report.put("familySituation", "父母离异，随父居住");
    report.put("guardianshipCapacity", "父亲酗酒，无力照料");
    report.put("investigationFindings", "多次殴打");
    report.put("investigationChildView", "害怕回家");
    report.put("investigationEvidence", "伤情照片");
    report.put("investigationRecommendation", recommendation);
    return report;
  }

  /** Two actions with their owners and due dates, as the conference minutes list them. */
  public static final String CONFERENCE_ACTIONS =
      "每周家访｜鼓楼区社工张某｜2026-12-31\n申请告诫书｜区民政王某｜2026-12-15";

  /** The guardianship procedure's 会商 minutes, as Tasklist sends them, concluding so. */
  public static Map<String, Object> interventionConference(String conclusion, String actions) {
    Map<String, Object> minutes = new HashMap<>();
    minutes.put("conferenceDate", LocalDate.now(NANJING).toString());
    minutes.put("conferenceParticipants", SpinValues.jsonValue(
        "[\"civil-affairs\",\"police\",\"procuratorate\"]").create());
    minutes.put("conferenceAttendees", "民政 王某\n公安 李某\n检察院 赵某");
    minutes.put("conferenceDecisions", "先行干预");
    minutes.put("conferenceActions", actions);
    minutes.put("conferenceConclusion", conclusion);
    minutes.put("conferenceNote", "会商意见");
    return minutes;
  }

  /** 民政's decision to apply to the court on this ground, with the procuratorate or without. */
  public static Map<String, Object> applicationDecision(String ground, boolean procuratorate) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("applicationDecision", "APPLY");
    answers.put("legalGrounds", List.of(ground));
    answers.put("applicant", "CIVIL_AFFAIRS");
    answers.put("procuratorateSupport", procuratorate);
    answers.put("decisionNote", "申请撤销");
    return answers;
  }

  /**
   * The court dismissed the application and the child went home: the case's guardianship
   * procedure is moved to its 监护随访, where a visit finds the child so ({@code HARM}, {@code
   * GOOD} …).
   */
  public static void dismissedAndMonitored(ProcessDriver driver, String caseInstance,
      String procedure, String wellBeing) {
    driver.moveTo(procedure, "monitoringVisit", Map.of());
    driver.complete(caseInstance, "monitoringVisit", Map.of("monitoringWellBeing", wellBeing,
        "monitoringNote", "随访"));
  }

  public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> result = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      result.put((String) keyValues[i], keyValues[i + 1]);
    }
    return result;
  }
}
