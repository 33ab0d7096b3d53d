package org.childprotection.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.childprotection.support.DeliveryJobs;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A caseworker opens a case from Tasklist with 登记新个案 (process {@code case-registration},
 * start form {@code open-case}): Tasklist submits the form through the REST API's submit-form,
 * as done here. The registration checks the form like a report and the platform starts the
 * case's process. A refusal comes back as Camunda's REST API answers any failed start, with our
 * reason in the message, which Tasklist shows under the form.
 */
class StartFromTasklistTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBMIT =
      "/engine-rest/process-definition/key/case-registration/submit-form";

  @Autowired
  JdbcClient jdbc;

  @Test
  void aCaseStartedInTasklistIsRegisteredAndNumberedLikeAReport() throws Exception {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(6));

    Http.Response started = as("gulou").postJson(SUBMIT, form(idNumber, "gulou"));

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String caseNumber = started.json().get("businessKey").asText();
    assertThat(caseNumber).matches("NJ-\\d{4}-\\d{6}");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(started.json().get("id").asText()).singleResult().getEndTime())
        .as("the registration ends once the case is open").isNotNull();
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("child-protection-case").processInstanceBusinessKey(caseNumber)
        .singleResult();
    assertThat(instance.getTenantId()).isEqualTo("gulou");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(variables).containsKeys("caseId", "caseNumber")
        .doesNotContainKeys("childName", "childIdNumber", "reporterPhone", "household");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("turnedEighteen").count()).as("the coming of age, from adultDate").isOne();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_case c JOIN child ch ON ch.id = "
            + "c.child_id WHERE ch.id_number = ? AND c.process_instance_id = ? "
            + "AND c.case_number = ?")
        .params(idNumber, instance.getId(), instance.getBusinessKey())
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE case_number = ? "
            + "AND channel = 'OUTBOX' AND recipient = 'protection-center'")
        .param(caseNumber).query(Long.class).single())
        .as("the center's outbox has it with the case").isEqualTo(1);
    assertThat(DeliveryJobs.of(engine, instance.getId(), "notifyCenter"))
        .as("its webhook delivery waits as a job").hasSize(1);
  }

  @Test
  void aBadFormIsRefusedWithItsReasonAndWritesNothing() throws Exception {
    long cases = jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    Http.Response refused = as("gulou").postJson(SUBMIT, form("320106201503040013", "gulou"));

    assertThat(refused.status()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("身份证号校验位错误");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single())
        .isEqualTo(cases);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .isEqualTo(instances);
  }

  @Test
  void aChildWithAnOpenCaseGetsNoSecondOne() throws Exception {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(4));
    assertThat(as("gulou").postJson(SUBMIT, form(idNumber, "gulou")).status()).isEqualTo(200);

    Http.Response again = as("gulou").postJson(SUBMIT, form(idNumber, "gulou"));

    assertThat(again.status()).isGreaterThanOrEqualTo(400);
    assertThat(again.body()).contains("已有在办案件");
  }

  private static String form(String idNumber, String district) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("childName", "测试儿童");
    values.put("childGender", "F");
    values.put("childIdNumber", idNumber);
    values.put("childBirthDate", "");
    values.put("district", district);
    values.put("street", "湖南路街道");
    values.put("description", "社区走访发现");
    values.put("immediateDanger", false);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    variables.put("suspectedCategories", Map.of("value",
        JSON.writeValueAsString(List.of("LEFT_BEHIND")), "type", "Json"));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }
}
