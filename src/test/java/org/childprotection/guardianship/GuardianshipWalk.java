package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.ProcessDriver;

/** Brings a case to its guardianship application, leaving the court hand-off job unrun. */
public final class GuardianshipWalk {

  private final Function<String, Http> asUser;
  private final ProcessEngine engine;
  private final ProcessDriver drive;

  /** A walk that calls the API as the demo user named (a test's {@code as}). */
  public GuardianshipWalk(Function<String, Http> asUser, ProcessEngine engine) {
    this.asUser = asUser;
    this.engine = engine;
    this.drive = new ProcessDriver(engine);
  }

  ProcessDriver drive() {
    return drive;
  }

  public String upToApplication() {
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "POLICE_110");
    report.put("child", Map.of("name", "测试儿童", "gender", "F", "idNumber", CaseFixtures
        .idNumber(LocalDate.now().minusYears(12))));
    report.put("location", Map.of("district", "qixia"));
    report.put("suspectedCategories", List.of("DOMESTIC_VIOLENCE"));
    Http.Response opened = asUser.apply("police").postJson("/api/reports", report);
    assertThat(opened.status()).isEqualTo(201);
    String root = opened.json().get("processInstanceId").asText();
    drive.runJobs(root);
    drive.complete(root, "triage", Map.of("urgent", false, "triageOutcome", "ASSESS",
        "triageLevel", "YELLOW",
        "confirmedCategories", List.of("DOMESTIC_VIOLENCE")));
    drive.complete(root, "assessFamily", Map.of("guardianHarm", "REPEATED_OR_CRIMINAL",
        "income", "ADEQUATE", "harmInProgress", true, "guardianSeriousHarmNoChange", true,
        "visitDate", LocalDate.now().toString(), "assessmentNote", "走访"));
    drive.complete(root, "caseConference", CaseFixtures.conference("监护干预"));
    drive.complete(root, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));
    engine.getTaskService().complete(drive.task(root, "policeIntervention").getId(), Map.of(
        "childRemoved", false, "handedTo", "NOT_REMOVED", "evidenceList", "伤情照片",
        "protectionOrderRequested", false, "policeNote", "已出警"));
    runJobsExceptCourt(root);
    drive.complete(root, "investigateFamily", Map.of("investigators", "甲\n乙\n丙",
        "investigationFindings", "发现", "investigationRecommendation", "REVOKE"));
    drive.complete(root, "interventionConference", Map.of("conferenceConclusion", "REVOKE",
        "conferenceParticipants", List.of("civil-affairs", "police"), "conferenceNote", "会商"));
    engine.getTaskService().complete(drive.task(root, "decideApplication").getId(), Map.of(
        "applicationDecision", "APPLY", "legalGrounds", List.of("NEGLECT_6_MONTHS"),
        "applicant", "CIVIL_AFFAIRS", "procuratorateSupport", false, "decisionNote", "申请"));
    return root;
  }

  String applicationNumber(String root) {
    return (String) drive.variables(drive.called(root, "guardianship-transfer"))
        .get("applicationNumber");
  }

  private void runJobsExceptCourt(String root) {
    for (Job job : engine.getManagementService().createJobQuery().messages().executable()
        .list()) {
      if (drive.family(root).contains(job.getProcessInstanceId())) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }
}
