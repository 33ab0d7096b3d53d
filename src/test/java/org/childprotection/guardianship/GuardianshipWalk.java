package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.ProcessDriver;

/**
 * Brings a case to its guardianship application, leaving the court hand-off job unrun: the
 * procedure starts where the case's call activity starts it, and goes straight to the decision.
 */
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
    engine.getRuntimeService().createProcessInstanceModification(root)
        .startBeforeActivity("guardianshipTransfer").execute();
    runJobsExceptCourt(root);
    Map<String, Object> investigation = new HashMap<>();
    investigation.put("investigators", "甲\n乙\n丙");
    investigation.put("reportDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    investigation.put("familySituation", "随父居住");
    investigation.put("guardianshipCapacity", "无力照料");
    investigation.put("investigationFindings", "发现");
    investigation.put("investigationChildView", "害怕回家");
    investigation.put("investigationEvidence", "伤情照片");
    investigation.put("investigationRecommendation", "REVOKE");
    drive.complete(root, "investigateFamily", investigation);
    drive.complete(root, "interventionConference", Map.of("conferenceConclusion", "REVOKE",
        "conferenceDate", investigation.get("reportDate"), "conferenceParticipants",
        List.of("civil-affairs", "police"), "conferenceAttendees", "民政 王某",
        "conferenceDecisions", "申请撤销", "conferenceActions", "申请撤销｜民政｜2026-12-31",
        "conferenceNote", "会商"));
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
