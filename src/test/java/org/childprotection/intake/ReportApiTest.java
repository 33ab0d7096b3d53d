package org.childprotection.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.registry.Children;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/reports} and {@code GET /api/cases/{caseNumber}} as a caller sees them. */
class ReportApiTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Children children;

  static Stream<Arguments> badReports() {
    return Stream.of(
        bad("channel", r -> r.remove("channel")),
        bad("channel", r -> r.put("channel", "FAX")),
        bad("child", r -> r.remove("child")),
        bad("child.name", r -> child(r).remove("name")),
        bad("child.gender", r -> child(r).put("gender", "X")),
        bad("child.idNumber", r -> child(r).put("idNumber", "320106201503040013")),
        bad("child.idNumber", r -> child(r).put("idNumber", "32010620151340001X")),
        bad("child.idNumber", r -> child(r).put("idNumber", "12345")),
        bad("child.birthDate", r -> child(r).put("birthDate", "2014-01-01")),
        bad("child.birthDate", r -> {
          child(r).remove("idNumber");
          child(r).put("birthDate", LocalDate.now().minusYears(19).toString());
        }),
        bad("child.birthDate", r -> {
          child(r).remove("idNumber");
          child(r).put("birthDate", "28/11/2015");
        }),
        bad("child.estimatedAge", r -> {
          child(r).remove("idNumber");
          child(r).put("estimatedAge", 30);
        }),
        bad("child.birthDate", r -> child(r).remove("idNumber")),
        bad("location.district", r -> location(r).put("district", "shanghai")),
        bad("location", r -> r.remove("location")),
        bad("suspectedCategories", r -> r.put("suspectedCategories", List.of())),
        bad("suspectedCategories[1]", r -> r.put("suspectedCategories",
            List.of("LEFT_BEHIND", "ORPHAN"))),
        bad("receivedAt", r -> r.put("receivedAt", "yesterday")),
        bad("description", r -> r.put("description", "长".repeat(4001))),
        bad("reporter.phone", r -> r.put("reporter", Map.of("phone", "call me"))),
        bad("immediateDanger", r -> r.put("immediateDanger", "yes")),
        bad("child.estimatedAge", r -> child(r).put("estimatedAge", "nine")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReports")
  void badInputIsA400NamingTheFieldAndWritesNothing(String field,
      Consumer<Map<String, Object>> spoil) {
    Map<String, Object> report = validReport(idNumber());
    spoil.accept(report);
    long[] before = counts();

    Http.Response answer = as("center").postJson("/api/reports", report);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    for (JsonNode error : answer.json().get("errors")) {
      fields.add(error.get("field").asText());
      assertThat(error.get("message").asText()).isNotBlank();
    }
    assertThat(fields).contains(field);
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void malformedJsonIsA400() {
    long[] before = counts();
    Http.Response answer = as("center").postJson("/api/reports", "{\"channel\": ");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("JSON");
    assertThat(counts()).containsExactly(before);
  }

  @Test
  void aRetriedTicketAnswersWithItsCaseAndWritesNothingMore() {
    Map<String, Object> report = validReport(idNumber());
    report.put("channelTicketId", "T-" + System.nanoTime());

    Http.Response first = as("center").postJson("/api/reports", report);
    long[] afterFirst = counts();
    Http.Response again = as("center").postJson("/api/reports", report);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("status").asText()).isEqualTo("OPENED");
    assertThat(first.json().get("caseNumber").asText()).matches("NJ-\\d{4}-\\d{6}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("MERGED");
    assertThat(again.json().get("caseNumber").asText())
        .isEqualTo(first.json().get("caseNumber").asText());
    assertThat(counts()).containsExactly(afterFirst);
  }

  @Test
  void parallelReportsAboutTheSameChildGiveOneCase() throws Exception {
    reportInParallel(idNumber(), 4);
  }

  /**
   * A child the registry knows without an open case (a ledger's, say): concurrent reports collide
   * on the open case, which the start of its process registers; the loser retries and is added.
   */
  @Test
  void parallelReportsAboutAKnownChildWithoutACaseGiveOneCase() throws Exception {
    for (int child = 0; child < 3; child++) {
      String idNumber = idNumber();
      children.insert(new Children.Child(0, "测试儿童", "F", IdNumber.birthDate(idNumber)
          .orElseThrow(), null, idNumber, null, "gulou", "湖南路街道", null, null));
      reportInParallel(idNumber, 6);
    }
  }

  @Test
  void aCollisionIsKnownThroughTheEnginesWrapping() {
    assertThat(IntakeService.collision(new ProcessEngineException("listener failed",
        new DuplicateKeyException("uk_case_open_child")))).isTrue();
    assertThat(IntakeService.collision(new ProcessEngineException("listener failed",
        new IllegalStateException()))).isFalse();
  }

  private void reportInParallel(String idNumber, int reports) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(reports);
    List<Callable<Http.Response>> calls = new ArrayList<>();
    for (int i = 0; i < reports; i++) {
      calls.add(() -> as("center").postJson("/api/reports", validReport(idNumber)));
    }
    List<String> caseNumbers = new ArrayList<>();
    for (Future<Http.Response> answer : pool.invokeAll(calls)) {
      assertThat(answer.get().status()).as(answer.get().toString()).isIn(200, 201);
      caseNumbers.add(answer.get().json().get("caseNumber").asText());
    }
    pool.shutdown();

    assertThat(caseNumbers).containsOnly(caseNumbers.get(0));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_case c JOIN child ch "
        + "ON ch.id = c.child_id WHERE ch.id_number = ?").param(idNumber)
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aDepartmentNoticeIsAReportWithTheDepartmentAsFirstReceivingUnit() {
    Map<String, Object> notice = validReport(idNumber());
    notice.put("channel", "DEPARTMENT_NOTICE");
    notice.put("channelTicketId", "EDU-" + System.nanoTime());
    notice.put("reporter", Map.of("type", "EDUCATION", "organisation", "鼓楼区某小学"));
    notice.put("description", "连续缺课15天");

    Http.Response answer = as("education").postJson("/api/reports", notice);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT first_receiving_unit FROM report r JOIN protection_case c ON "
            + "c.id = r.case_id WHERE c.case_number = ?")
        .param(answer.json().get("caseNumber").asText()).query(String.class).single())
        .isEqualTo("鼓楼区某小学");
  }

  @Test
  void aCaseStartsWithTheVariablesItsModelsReadAndNoPersonalData() {
    Map<String, Object> report = validReport(idNumber());
    report.put("child", new HashMap<>(Map.of("name", "测试儿童", "idNumber", idNumber(),
        "gender", "F", "household", "NONLOCAL")));

    Http.Response answer = as("center").postJson("/api/reports", report);

    assertThat(answer.status()).isEqualTo(201);
    Map<String, Object> variables = engine.getRuntimeService()
        .getVariables(answer.json().get("processInstanceId").asText());
    // The channel stays with the report and the household with the child, in the registry; the
    // day of coming of age was read by the start's timer and not stored.
    assertThat(variables).containsOnlyKeys("caseId", "caseNumber", "childId", "district",
        "categories", "immediateDanger", "urgent");
    assertThat(engine.getManagementService().createJobQuery()
        .processInstanceId(answer.json().get("processInstanceId").asText())
        .activityId("turnedEighteen").singleResult().getDuedate())
        .as("the coming of age, from the ID number's birth date").isNotNull();
    assertThat(variables).containsEntry("caseNumber", answer.json().get("caseNumber").asText())
        .containsEntry("district", "gulou").containsEntry("categories", "LEFT_BEHIND");
    assertThat(jdbc.sql("SELECT ch.household FROM child ch JOIN protection_case c "
            + "ON c.child_id = ch.id WHERE c.case_number = ?")
        .param(answer.json().get("caseNumber").asText()).query(String.class).single())
        .isEqualTo("NONLOCAL");
  }

  @Test
  void caseNumbersAreSequentialWithinTheYear() {
    String first = as("center").postJson("/api/reports", validReport(idNumber())).json()
        .get("caseNumber").asText();
    String second = as("center").postJson("/api/reports", validReport(idNumber())).json()
        .get("caseNumber").asText();
    assertThat(Integer.parseInt(second.substring(8)))
        .isGreaterThan(Integer.parseInt(first.substring(8)));
    assertThat(second.substring(0, 8)).isEqualTo(first.substring(0, 8));
  }

  @Test
  void theCaseFileIsReadByItsDistrictAndTheCityButNotByAnotherDistrict() {
    String caseNumber = as("police").postJson("/api/reports", validReport(idNumber())).json()
        .get("caseNumber").asText();

    Http.Response byGulou = as("gulou").get("/api/cases/" + caseNumber);
    assertThat(byGulou.status()).isEqualTo(200);
    JsonNode file = byGulou.json();
    assertThat(file.get("district").asText()).isEqualTo("gulou");
    assertThat(file.get("child").get("name").asText()).isEqualTo("测试儿童");
    assertThat(file.get("reports")).hasSize(1);
    assertThat(file.get("reports").get(0).get("channel").asText()).isEqualTo("HOTLINE_12345");
    assertThat(as("supervisor").get("/api/cases/" + caseNumber).status()).isEqualTo(200);

    Http.Response byQixia = as("qixia").get("/api/cases/" + caseNumber);
    assertThat(byQixia.status()).isEqualTo(404);
    assertThat(byQixia.body()).doesNotContain("测试儿童");
    assertThat(as("gulou").get("/api/cases/NJ-1999-000001").status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE case_number = ? "
        + "AND action = 'READ_CASE_FILE'").param(caseNumber).query(Long.class).single())
        .isEqualTo(2);
  }

  private long[] counts() {
    return new long[] {
        count("child"), count("protection_case"), count("report"),
        engine.getRuntimeService().createProcessInstanceQuery().count()};
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static Arguments bad(String field, Consumer<Map<String, Object>> spoil) {
    return Arguments.of(field, spoil);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> report) {
    return (Map<String, Object>) report.get("child");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> location(Map<String, Object> report) {
    return (Map<String, Object>) report.get("location");
  }

  private static Map<String, Object> validReport(String idNumber) {
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "HOTLINE_12345");
    report.put("receivedAt", "2026-11-28T09:30:00+08:00");
    report.put("child", new HashMap<>(Map.of("name", "测试儿童", "idNumber", idNumber,
        "gender", "F")));
    report.put("location", new HashMap<>(Map.of("district", "gulou", "street", "湖南路街道")));
    report.put("suspectedCategories", List.of("LEFT_BEHIND"));
    report.put("immediateDanger", false);
    return report;
  }

  private static String idNumber() {
    return CaseFixtures.idNumber(LocalDate.now().minusYears(10));
  }
}
