package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childprotection.registry.CaseFileWalk.Opened;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/tasks/{taskId}/context}, {@code GET /api/tasks/labels} and the views of
 * {@code GET /api/cases/{caseNumber}}: what each role sees beside a task, and what it does not.
 */
class CaseContextApiTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  private CaseFileWalk walk;

  @BeforeEach
  void walker() {
    walk = new CaseFileWalk(engine);
  }

  @Test
  void theAssessmentShowsTheChildTheReportAndTheCentersTriageInstruction() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    walk.triage(opened, "SPECIAL_HARDSHIP", "请重点核实祖母的照料能力");
    String assessment = walk.taskId(opened, "assessFamily");

    Http.Response answer = as("gulou").get("/api/tasks/" + assessment + "/context");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode context = answer.json();
    assertThat(context.get("view").asText()).isEqualTo("FULL");
    assertThat(context.get("taskName").asText()).isEqualTo("走访调查与三项评估");
    assertThat(context.get("caseNumber").asText()).isEqualTo(opened.caseNumber());
    assertThat(context.get("district").asText()).isEqualTo("gulou");
    assertThat(context.get("districtName").asText()).isEqualTo("鼓楼区");
    assertThat(context.get("categories").get(0).get("name").asText()).isEqualTo("特殊困难");
    JsonNode child = context.get("child");
    assertThat(child.get("name").asText()).isEqualTo(opened.name());
    assertThat(child.get("genderName").asText()).isEqualTo("女");
    assertThat(child.get("age").asInt()).isEqualTo(9);
    assertThat(child.get("idNumber").asText()).isEqualTo(opened.idNumber().substring(0, 4)
        + "**********" + opened.idNumber().substring(14));
    assertThat(child.get("address").asText()).contains("湖南路街道", "青石巷17号");
    assertThat(child.get("whereNow").asText()).isEqualTo("家中（现住址）");
    JsonNode report = context.get("reports").get(0);
    assertThat(report.get("channelName").asText()).isEqualTo("12345政府热线");
    assertThat(report.get("reporterName").asText()).isEqualTo("邻居甲");
    assertThat(report.get("reporterPhone").asText()).isEqualTo("025-66668888");
    JsonNode previous = context.get("previousStep");
    assertThat(previous.get("name").asText()).isEqualTo("保护中心分诊");
    assertThat(previous.get("completedBy").asText()).isEqualTo("center");
    assertThat(notes(previous)).contains("triageNote=请重点核实祖母的照料能力");
    assertThat(context.get("ask").isNull()).isTrue();
    assertThat(answer.body()).doesNotContain(opened.idNumber());

    for (String supervisor : List.of("supervisor", "center")) {
      Http.Response theirs = as(supervisor).get("/api/tasks/" + assessment + "/context");
      assertThat(theirs.status()).isEqualTo(200);
      assertThat(theirs.json().get("view").asText()).isEqualTo("FULL");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE case_number = ? "
        + "AND action = 'READ_TASK_CONTEXT'").param(opened.caseNumber()).query(Long.class)
        .single()).isEqualTo(3);

    Http.Response qixia = as("qixia").get("/api/tasks/" + assessment + "/context");
    assertThat(qixia.status()).isEqualTo(404);
    assertThat(qixia.body()).doesNotContain(opened.name()).doesNotContain(opened.caseNumber());
    assertThat(as("qixia").get("/api/cases/" + opened.caseNumber()).status()).isEqualTo(404);
    assertThat(as("gulou").get("/api/tasks/no-such-task/context").status()).isEqualTo(404);
  }

  @Test
  void thePoliceSeeTheirDispatchWithTheIdNumberMaskedAndWhereTheChildIsNow() {
    Opened opened = walk.open(as("center"), "gulou", true, "DOMESTIC_VIOLENCE");
    String dispatch = walk.taskId(opened, "policeResponse");

    Http.Response answer = as("police").get("/api/tasks/" + dispatch + "/context");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode context = answer.json();
    assertThat(context.get("view").asText()).isEqualTo("POLICE");
    assertThat(context.get("immediateDanger").asBoolean()).isTrue();
    assertThat(context.get("child").get("idNumber").asText()).startsWith(
        opened.idNumber().substring(0, 4) + "*");
    assertThat(context.get("child").get("address").asText()).contains("青石巷17号");
    assertThat(context.get("reports").get(0).get("reporterPhone").asText())
        .isEqualTo("025-66668888");
    assertThat(context.get("previousStep").isNull()).isTrue();
    assertThat(answer.body()).doesNotContain(opened.idNumber());

    Http.Response file = as("police").get("/api/cases/" + opened.caseNumber());
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    assertThat(file.json().get("view").asText()).isEqualTo("POLICE");
    assertThat(file.json().get("child").get("idNumber").asText()).contains("**********");
    assertThat(file.json().get("guardians").get(0).get("name").asText())
        .isEqualTo(opened.guardianName());
    assertThat(file.body()).doesNotContain(opened.idNumber());

    walk.completeAs("police", "police", opened, "policeResponse",
        Map.of("needsTemporaryCare", true, "policeNote", "已将儿童带离"));
    walk.completeAs("center", "protection-center", opened, "arrangeTemporaryCare",
        Map.of("carePlace", "PROTECTION_CENTER", "careNote", "暂住保护中心东楼",
            "careStartDate", java.time.LocalDate.now().toString()));
    JsonNode triage = as("center").get("/api/tasks/" + walk.taskId(opened, "triage")
        + "/context").json();
    assertThat(triage.get("child").get("whereNow").asText())
        .isEqualTo("临时照料：市未成年人保护中心（暂住保护中心东楼）");

    Opened quiet = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    Http.Response notTheirs = as("police").get("/api/cases/" + quiet.caseNumber());
    assertThat(notTheirs.status()).isEqualTo(404);
    assertThat(notTheirs.body()).doesNotContain(quiet.name());
    assertThat(as("police").get("/api/tasks/" + walk.taskId(quiet, "triage") + "/context")
        .status()).isEqualTo(404);
  }

  @Test
  void educationSeesItsReferralMaskedWithWhatIsAskedOfItAndWhy() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    walk.triage(opened, "SPECIAL_HARDSHIP", "请核实就学情况");
    walk.assess(opened, "gulou", "district-gulou", "needSchooling");
    String referral = engine.getTaskService().createTaskQuery()
        .processInstanceId(opened.instance()).taskDefinitionKey("handleReferral")
        .taskCandidateGroup("education").singleResult().getId();

    Http.Response answer = as("education").get("/api/tasks/" + referral + "/context");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode context = answer.json();
    assertThat(context.get("view").asText()).isEqualTo("UNIT");
    assertThat(context.get("child").get("name").asText()).isEqualTo(opened.name());
    assertThat(context.get("child").get("address").asText()).isEqualTo("鼓楼区湖南路街道");
    assertThat(context.get("child").has("idNumber")).isFalse();
    assertThat(context.get("reports").get(0).has("reporterName")).isFalse();
    assertThat(context.get("riskLevelName").asText()).isEqualTo("三级（黄）");
    JsonNode ask = context.get("ask");
    assertThat(ask.get("unit").asText()).isEqualTo("education");
    assertThat(ask.get("unitName").asText()).isEqualTo("市教育局");
    assertThat(ask.get("what").asText()).contains("就学保障");
    assertThat(ask.get("why").asText()).contains("特殊困难", "三级（黄）");
    assertThat(context.get("previousStep").get("name").asText()).isEqualTo("走访调查与三项评估");
    assertThat(context.get("previousStep").get("notes")).isEmpty();
    assertNothingPrivate(answer.body(), opened);

    Http.Response file = as("education").get("/api/cases/" + opened.caseNumber());
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    assertThat(file.json().get("view").asText()).isEqualTo("UNIT");
    assertThat(file.json().get("child").get("street").asText()).isEqualTo("湖南路街道");
    assertThat(file.json().get("referrals")).hasSize(1);
    assertThat(file.json().get("referrals").get(0).get("unitName").asText())
        .isEqualTo("市教育局");
    assertThat(file.json().has("guardians")).isFalse();
    assertThat(file.json().has("timeline")).isFalse();
    assertNothingPrivate(file.body(), opened);

    // The same unit on a case it has no task of: as if the case did not exist.
    Opened other = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    walk.triage(other, "SPECIAL_HARDSHIP", "常规");
    Http.Response notTheirs = as("education").get("/api/cases/" + other.caseNumber());
    assertThat(notTheirs.status()).isEqualTo(404);
    assertThat(notTheirs.json().get("errors").get(0).get("message").asText())
        .isEqualTo("案件不存在或无权查看");
    assertThat(as("education").get("/api/tasks/" + walk.taskId(other, "assessFamily")
        + "/context").status()).isEqualTo(404);
  }

  @Test
  void labelsTellTasksApartAndMaskNamesForUnits() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    walk.triage(opened, "SPECIAL_HARDSHIP", "请核实");
    walk.assess(opened, "gulou", "district-gulou", "needSchooling");
    String referral = engine.getTaskService().createTaskQuery()
        .processInstanceId(opened.instance()).taskDefinitionKey("handleReferral")
        .taskCandidateGroup("education").singleResult().getId();
    Opened qixiaCase = walk.open(as("center"), "qixia", false, "SPECIAL_HARDSHIP");
    String qixiaTriage = walk.taskId(qixiaCase, "triage");

    JsonNode forGulou = as("gulou").get("/api/tasks/labels?ids=" + referral + ","
        + qixiaTriage).json();
    assertThat(forGulou.has(qixiaTriage)).isFalse();
    JsonNode label = forGulou.get(referral);
    assertThat(label.get("caseNumber").asText()).isEqualTo(opened.caseNumber());
    assertThat(label.get("childName").asText()).isEqualTo(opened.name());
    assertThat(label.get("districtName").asText()).isEqualTo("鼓楼区");
    assertThat(label.get("riskLevel").asText()).isEqualTo("YELLOW");
    assertThat(label.get("riskLevelName").asText()).isEqualTo("三级（黄）");

    JsonNode forEducation = as("education").get("/api/tasks/labels?ids=" + referral + ","
        + qixiaTriage).json();
    assertThat(forEducation.get(referral).get("childName").asText()).isEqualTo("鞠**");
    assertThat(forEducation.has(qixiaTriage)).isFalse();
    assertThat(as("center").get("/api/tasks/labels?ids=" + qixiaTriage).json()
        .get(qixiaTriage).get("districtName").asText()).isEqualTo("栖霞区");

    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("t" + i);
    }
    Http.Response tooMany = as("gulou").get("/api/tasks/labels?ids=" + String.join(",", many));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("ids");
  }

  @Test
  void theCaseFileShowsTheViewTheTimelineAndTheNotifications() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    walk.triage(opened, "SPECIAL_HARDSHIP", "请尽快走访");
    walk.assess(opened, "gulou", "district-gulou", "needSchooling");

    for (String reader : List.of("gulou", "supervisor", "center")) {
      Http.Response file = as(reader).get("/api/cases/" + opened.caseNumber());
      assertThat(file.status()).as(reader + " " + file).isEqualTo(200);
      JsonNode json = file.json();
      assertThat(json.get("view").asText()).isEqualTo("FULL");
      assertThat(json.get("districtName").asText()).isEqualTo("鼓楼区");
      assertThat(json.get("child").get("idNumber").asText()).isEqualTo(opened.idNumber());
      assertThat(json.get("notifications")).isNotEmpty();
      List<String> kinds = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      String previous = "";
      for (JsonNode entry : json.get("timeline")) {
        kinds.add(entry.get("kind").asText());
        titles.add(entry.get("title").asText());
        assertThat(entry.get("at").asText()).isGreaterThanOrEqualTo(previous.isEmpty()
            ? "" : previous.substring(0, 10));
        previous = entry.get("at").asText();
      }
      assertThat(kinds).contains("REPORT", "TASK", "ASSESSMENT", "REFERRAL", "NOTIFICATION");
      assertThat(kinds.get(0)).isEqualTo("REPORT");
      assertThat(titles).contains("保护中心分诊", "评估定级：三级（黄）（25 分）", "转介：市教育局");
      assertThat(json.get("timeline").toString()).contains("请尽快走访");
    }
  }

  @Test
  void aSurveyTaskHasNoCaseButItsDistrict() throws Exception {
    String form = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        Map.of("variables", Map.of("district", Map.of("value", "qixia"),
            "surveyDeadline", Map.of("value", java.time.LocalDate.now().plusDays(30).toString()),
            "surveyNote", Map.of("value", "全面排查"))));
    Http.Response started = as("supervisor").postJson(
        "/engine-rest/process-definition/key/survey-launch/submit-form", form);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String survey = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(started.json().get("id").asText())
        .variableName("surveyProcessInstanceId").singleResult().getValue();
    String task = drive.task(survey, "collectLedger").getId();

    Http.Response answer = as("qixia").get("/api/tasks/" + task + "/context");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("caseNumber").isNull()).isTrue();
    assertThat(answer.json().get("district").asText()).isEqualTo("qixia");
    assertThat(answer.json().get("districtName").asText()).isEqualTo("栖霞区");
    assertThat(answer.json().get("taskName").asText()).isEqualTo("采集并上传基础台帐");
    assertThat(as("gulou").get("/api/tasks/" + task + "/context").status()).isEqualTo(404);
    assertThat(as("gulou").get("/api/tasks/labels?ids=" + task).json().has(task)).isFalse();
  }

  /**
   * Attachments are uploaded through the attachments API (V10, another branch); here a row is
   * written directly, as that API writes it, and the file lists it without its content.
   */
  @Test
  void theCaseFileListsAttachmentsWithoutTheirContent() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    walk.triage(opened, "SPECIAL_HARDSHIP", "请核实");
    walk.assess(opened, "gulou", "district-gulou", "needSchooling");
    long caseId = jdbc.sql("SELECT id FROM protection_case WHERE case_number = ?")
        .param(opened.caseNumber()).query(Long.class).single();
    String sha256 = "ab".repeat(32);
    jdbc.sql("""
            INSERT INTO case_attachment (case_id, kind, file_name, content_type, size_bytes,
              sha256, content, task_id, uploaded_by, uploaded_at)
            VALUES (?, 'INJURY_REPORT', '伤情鉴定书.pdf', 'application/pdf', 7, ?, ?, NULL,
              'gulou', CURRENT_TIMESTAMP)""")
        .params(caseId, sha256, "%PDF-17".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .update();

    for (String reader : List.of("gulou", "police", "supervisor")) {
      Http.Response file = as(reader).get("/api/cases/" + opened.caseNumber());
      if ("police".equals(reader)) {
        assertThat(file.status()).as("police have no task of this case").isEqualTo(404);
        continue;
      }
      JsonNode attachment = file.json().get("attachments").get(0);
      assertThat(attachment.get("kind").asText()).isEqualTo("INJURY_REPORT");
      assertThat(attachment.get("kindName").asText()).isEqualTo("伤情鉴定");
      assertThat(attachment.get("fileName").asText()).isEqualTo("伤情鉴定书.pdf");
      assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
      assertThat(attachment.get("size").asLong()).isEqualTo(7);
      assertThat(attachment.get("sha256").asText()).isEqualTo(sha256);
      assertThat(attachment.get("uploadedBy").asText()).isEqualTo("gulou");
      assertThat(attachment.has("content")).isFalse();
      assertThat(file.body()).doesNotContain("%PDF-17").doesNotContain("JVBERi0xNw");
      assertThat(file.json().get("timeline").toString()).contains("上传附件：伤情鉴定");
    }
    Http.Response unit = as("education").get("/api/cases/" + opened.caseNumber());
    assertThat(unit.status()).isEqualTo(200);
    assertThat(unit.body()).doesNotContain("伤情鉴定书.pdf");
  }

  private static List<String> notes(JsonNode previousStep) {
    List<String> notes = new ArrayList<>();
    previousStep.get("notes").forEach(n -> notes.add(n.get("field").asText() + "="
        + n.get("value").asText()));
    return notes;
  }

  /** No ID number (whole or masked), address, guardian, reporter or family history. */
  static void assertNothingPrivate(String body, Opened opened) {
    assertThat(body).doesNotContain(opened.idNumber())
        .doesNotContain(opened.idNumber().substring(0, 4) + "*")
        .doesNotContain(opened.idNumber().substring(6, 14))
        .doesNotContain("青石巷17号").doesNotContain("凤凰二村社区")
        .doesNotContain(opened.guardianName()).doesNotContain(opened.guardianPhone())
        .doesNotContain("邻居甲").doesNotContain("025-66668888")
        .doesNotContain("祖母").doesNotContain("idNumber").doesNotContain("birthDate");
  }
}
