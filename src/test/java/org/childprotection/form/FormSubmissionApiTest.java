package org.childprotection.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.engine.StepRefused;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Task forms and start forms submitted as Tasklist submits them, by demo users, through the
 * engine REST API and through Tasklist's own copy of it: what the form does not allow is a 400
 * whose message is "formFieldKey：reason" (several joined by "；") after the engine's prefix, and
 * nothing of the submission is kept. What the form allows is kept exactly as typed.
 */
class FormSubmissionApiTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  private static final String START_FORM =
      "/engine-rest/process-definition/key/case-registration/submit-form";
  private static final String PHONE_REASON = "请填写11位手机号，或带区号的固定电话，如 025-12345678";

  @Autowired
  JdbcClient jdbc;

  @Test
  void anAssessmentWithAVisitDateInTheFutureOrNotADateIsRefusedAndKeepsNothing() {
    String instance = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    String task = drive.task(instance, "assessFamily").getId();
    Http tasklist = tasklistSession("gulou");
    String tomorrow = LocalDate.now(CITY).plusDays(1).toString();

    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put(tomorrow, "visitDate：走访日期不能晚于今天");
    refusals.put("2027-08-06", "visitDate：走访日期不能晚于今天");
    refusals.put("12/01/2026", "visitDate：走访日期应为 yyyy-MM-dd 格式的日期");
    refusals.put("2026-02-30", "visitDate：走访日期不是有效的日期");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Map<String, Object> answers =
          CaseFixtures.with(CaseFixtures.greenAnswers(), "visitDate", refusal.getKey());
      for (Http.Response answer : List.of(
          as("gulou").postJson("/engine-rest/task/" + task + "/submit-form", body(answers)),
          tasklist.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
              body(answers)))) {
        assertRefused(answer, refusal.getValue());
      }
    }

    Http.Response several = as("gulou").postJson("/engine-rest/task/" + task + "/submit-form",
        body(CaseFixtures.with(CaseFixtures.greenAnswers(), "guardianHarm", "SOMETIMES",
            "visitDate", tomorrow, "assessmentNote", "")));
    assertRefused(several, "guardianHarm：监护人侵害行为的选项无效；visitDate：走访日期不能晚于今天；"
        + "assessmentNote：请填写评估说明");

    assertThat(drive.hasTask(instance, "assessFamily")).as("the task is still open").isTrue();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableNameIn("visitDate", "guardianHarm", "income",
            "assessmentNote", "riskLevel").count()).as("no answer was kept").isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment a JOIN protection_case c ON "
            + "c.id = a.case_id WHERE c.process_instance_id = ?").param(instance)
        .query(Long.class).single()).as("no assessment was recorded").isZero();

    Http.Response today = as("gulou").postJson("/engine-rest/task/" + task + "/submit-form",
        body(CaseFixtures.with(CaseFixtures.greenAnswers(),
            "visitDate", LocalDate.now(CITY).toString())));
    assertThat(today.status()).as(today.toString()).isEqualTo(204);
    assertThat(drive.hasTask(instance, "assessFamily")).isFalse();
  }

  @Test
  void aStartFormWithAnAgeAPhoneAnIdNumberOrABirthDateItDoesNotAllowStartsNoCase() {
    Http tasklist = tasklistSession("gulou");
    String webappStartForm = "/camunda/api/engine/engine/default/process-definition/"
        + engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey("case-registration").latestVersion().singleResult().getId()
        + "/submit-form";
    String idNumber = CaseFixtures.idNumber(LocalDate.now(CITY).minusYears(7));
    String badCheck = idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0");
    String adult = CaseFixtures.idNumber(LocalDate.now(CITY).minusYears(20));
    long cases = count("protection_case");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    Map<Map<String, Object>, String> refusals = new LinkedHashMap<>();
    refusals.put(Map.of("childEstimatedAge", 18),
        "childEstimatedAge：估计年龄（岁）应在 0 到 17 之间");
    refusals.put(Map.of("childEstimatedAge", 6.5), "childEstimatedAge：估计年龄（岁）应为整数");
    refusals.put(Map.of("reporterPhone", "138 1234 567"), "reporterPhone：" + PHONE_REASON);
    refusals.put(Map.of("reporterPhone", "88886666"), "reporterPhone：" + PHONE_REASON);
    refusals.put(Map.of("childIdNumber", badCheck), "childIdNumber：身份证号校验位错误");
    refusals.put(Map.of("childIdNumber", idNumber.substring(0, 17) + "x"),
        "childIdNumber：身份证号应为18位，前17位为数字，最后一位为数字或X");
    refusals.put(Map.of("childBirthDate", LocalDate.now(CITY).plusDays(1).toString()),
        "childBirthDate：出生日期不能晚于今天");
    refusals.put(Map.of("childBirthDate", "2019/05/01"),
        "childBirthDate：出生日期应为 yyyy-MM-dd 格式的日期");
    refusals.put(Map.of("childEstimatedAge", 18, "reporterPhone", "12345"),
        "childEstimatedAge：估计年龄（岁）应在 0 到 17 之间；reporterPhone：" + PHONE_REASON);
    // What only the registration's own checks find is named by the form's keys too.
    refusals.put(Map.of("childIdNumber", adult),
        "childIdNumber：身份证号显示已满18周岁，不属于未成年人");
    refusals.put(Map.of("childBirthDate", LocalDate.now(CITY).minusYears(5).toString()),
        "childBirthDate：出生日期与身份证号不一致");
    for (Map.Entry<Map<String, Object>, String> refusal : refusals.entrySet()) {
      Map<String, Object> values = new HashMap<>(openCase(idNumber));
      values.putAll(refusal.getKey());
      assertRefused(as("gulou").postJson(START_FORM, body(values)), refusal.getValue());
      assertRefused(tasklist.postJson(webappStartForm, body(values)), refusal.getValue());
    }

    assertThat(count("protection_case")).as("no case was opened").isEqualTo(cases);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM child WHERE id_number IN (?, ?)")
        .params(idNumber, adult).query(Long.class).single()).isZero();
  }

  @Test
  void phoneNumbersTypedTheChineseWayAreKeptExactlyAsTyped() {
    for (String phone : List.of("025-8888 6666", "138 1234 5678", "+86 138-1234-5678")) {
      Map<String, Object> values = new HashMap<>(
          openCase(CaseFixtures.idNumber(LocalDate.now(CITY).minusYears(11))));
      values.put("reporterPhone", phone);
      values.put("childEstimatedAge", 11);

      Http.Response started = as("gulou").postJson(START_FORM, body(values));

      assertThat(started.status()).as(started.toString()).isEqualTo(200);
      assertThat(jdbc.sql("SELECT r.reporter_phone FROM report r JOIN protection_case c ON "
              + "c.id = r.case_id WHERE c.case_number = ?")
          .param(started.json().get("businessKey").asText()).query(String.class).single())
          .isEqualTo(phone);
    }
  }

  @Test
  void theEngineRefusesTheSameThroughItsJavaApi() {
    String instance = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    String task = drive.task(instance, "assessFamily").getId();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getFormService()
            .submitTaskForm(task, CaseFixtures.with(CaseFixtures.greenAnswers(),
                "visitDate", LocalDate.now(CITY).plusDays(3).toString())))
        .isInstanceOf(StepRefused.class).hasMessage("visitDate：走访日期不能晚于今天");
    assertThat(drive.hasTask(instance, "assessFamily")).isTrue();
  }

  /** Submits as Tasklist does, with the session and CSRF token of a logged-in worker. */
  private Http tasklistSession(String user) {
    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", user, user).status()).isEqualTo(200);
    return session;
  }

  /** Refused with a 400 whose message, after the engine's prefix, is exactly the reasons. */
  private static void assertRefused(Http.Response answer, String reasons) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    String message = answer.json().get("message").asText();
    assertThat(message.replaceFirst(
            "^Cannot (?:instantiate process definition|submit task form) \\S+: ", ""))
        .as(message).isEqualTo(reasons);
  }

  /** The 登记新个案 form as Tasklist submits it, for a girl with this ID number. */
  private static Map<String, Object> openCase(String idNumber) {
    Map<String, Object> values = new HashMap<>();
    values.put("childName", "测试儿童");
    values.put("childGender", "F");
    values.put("childIdNumber", idNumber);
    values.put("childBirthDate", "");
    values.put("district", "gulou");
    values.put("street", "湖南路街道");
    values.put("description", "社区走访发现");
    values.put("immediateDanger", false);
    values.put("reporterPhone", "");
    values.put("suspectedCategories", List.of("LEFT_BEHIND"));
    return values;
  }

  /** REST variables as Tasklist sends them: untyped values, a checklist as JSON. */
  private static String body(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof List<?> list
        ? Map.of("value", json(list), "type", "Json") : Map.of("value", value)));
    return json(Map.of("variables", variables));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
