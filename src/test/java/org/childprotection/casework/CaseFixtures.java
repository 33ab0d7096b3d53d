package org.childprotection.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;
import org.childprotection.support.ProcessDriver;

/** Reports and form answers for the scenario tests: made-up children, valid ID numbers. */
public final class CaseFixtures {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 900);

  private CaseFixtures() {}

  /** A fresh, valid ID number of a child born on the given day (Gulou region code). */
  public static String idNumber(LocalDate birth) {
    return IdNumber.withCheckCharacter("320106" + birth.toString().replace("-", "")
        + String.format("%03d", SEQUENCE.incrementAndGet() % 1000));
  }

  public static Map<String, Object> report(String district, boolean danger,
      String... categories) {
    return reportAbout(idNumber(LocalDate.now().minusYears(9)), district, danger, categories);
  }

  /** A report about the child with this ID number. */
  public static Map<String, Object> reportAbout(String idNumber, String district, boolean danger,
      String... categories) {
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "HOTLINE_12345");
    report.put("receivedAt", "2026-11-28T09:30:00+08:00");
    report.put("reporter", Map.of("name", "报告人", "phone", "025-12345678", "type", "NEIGHBOUR"));
    report.put("child", Map.of("name", "测试儿童", "idNumber", idNumber, "gender", "M"));
    report.put("location", Map.of("district", district, "street", "湖南路街道",
        "community", "凤凰二村社区", "address", "测试地址1号"));
    report.put("suspectedCategories", List.of(categories));
    report.put("immediateDanger", danger);
    report.put("description", "测试报告");
    return report;
  }

  /** A new 鼓楼 case, reported through the API and triaged: waiting for the assessment. */
  public static String caseAwaitingAssessment(Http center, ProcessDriver driver) {
    Http.Response opened = center.postJson("/api/reports",
        report("gulou", false, "SPECIAL_HARDSHIP"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String instance = opened.json().get("processInstanceId").asText();
    driver.runJobs(instance);
    driver.complete(instance, "triage", Map.of("urgent", false, "triageOutcome", "ASSESS",
        "triageLevel", "YELLOW",
        "confirmedCategories", List.of("SPECIAL_HARDSHIP")));
    return instance;
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

  /**
   * The court dismissed the application and the child went home: the case's guardianship
   * procedure is moved to its 监护随访, where a visit finds the child so ({@code HARM}, {@code
   * GOOD} …).
   */
  public static void dismissedAndMonitored(ProcessEngine engine, ProcessDriver driver,
      String caseInstance, String procedure, String wellBeing) {
    ActivityInstance tree = engine.getRuntimeService().getActivityInstance(procedure);
    ProcessInstanceModificationBuilder move = engine.getRuntimeService()
        .createProcessInstanceModification(procedure).startBeforeActivity("monitoringVisit");
    for (ActivityInstance running : tree.getChildActivityInstances()) {
      move.cancelActivityInstance(running.getId());
    }
    move.execute();
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
