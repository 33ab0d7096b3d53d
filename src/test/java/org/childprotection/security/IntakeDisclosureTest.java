package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, part 4: a report about a child who has an open case is added to that case whoever
 * sends it (one child, one case), but only a caller who may read the case learns its number;
 * the same for a resent ticket and for a second case refused in Tasklist.
 */
class IntakeDisclosureTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  JdbcClient jdbc;

  @Test
  void anotherDistrictsChildIsMergedWithoutTellingTheCaseNumber() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(8));
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", false, "LEFT_BEHIND"));
    assertThat(opened.status()).isEqualTo(201);
    String caseNumber = opened.json().get("caseNumber").asText();
    long reports = reportsOf(caseNumber);

    Http.Response byQixia = as("qixia").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "qixia", false, "LEFT_BEHIND"));
    Http.Response byPolice = as("police").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", true, "DOMESTIC_VIOLENCE"));
    Http.Response byGulou = as("gulou").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", false, "LEFT_BEHIND"));

    for (Http.Response hidden : new Http.Response[] {byQixia, byPolice}) {
      assertThat(hidden.status()).isEqualTo(200);
      assertThat(hidden.json().get("status").asText()).isEqualTo("MERGED");
      assertThat(hidden.body()).doesNotContain(caseNumber).doesNotContain("caseNumber")
          .doesNotContain("processInstanceId");
    }
    assertThat(byGulou.json().get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(reportsOf(caseNumber)).as("every report is kept in the one case")
        .isEqualTo(reports + 3);
  }

  @Test
  void aUnitWithATaskOfTheCaseIsToldItsNumberAndAUnitWithoutIsNot() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(10));
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", true, "DOMESTIC_VIOLENCE"));
    String caseNumber = opened.json().get("caseNumber").asText();
    drive.runJobs(opened.json().get("processInstanceId").asText());

    Http.Response byPolice = as("police").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", false, "DOMESTIC_VIOLENCE"));
    Http.Response byEducation = as("education").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", false, "DOMESTIC_VIOLENCE"));

    assertThat(byPolice.json().get("caseNumber").asText())
        .as("the police hold the case's dispatch task").isEqualTo(caseNumber);
    assertThat(byEducation.body()).isEqualTo("{\"status\":\"MERGED\"}");
  }

  @Test
  void anotherReportsTicketTellsNothingAndWritesNothing() {
    Map<String, Object> report = new LinkedHashMap<>(
        CaseFixtures.report("gulou", false, "SPECIAL_HARDSHIP"));
    report.put("channelTicketId", "T-" + System.nanoTime());
    Http.Response opened = as("center").postJson("/api/reports", report);
    String caseNumber = opened.json().get("caseNumber").asText();
    long reports = reportsOf(caseNumber);

    Map<String, Object> probe = new LinkedHashMap<>(
        CaseFixtures.report("qixia", false, "LEFT_BEHIND"));
    probe.put("channelTicketId", report.get("channelTicketId"));
    Http.Response answer = as("qixia").postJson("/api/reports", probe);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"status\":\"MERGED\"}");
    assertThat(reportsOf(caseNumber)).isEqualTo(reports);
    assertThat(as("center").postJson("/api/reports", report).json().get("caseNumber").asText())
        .as("the ticket's own sender, who may read the case, still gets it")
        .isEqualTo(caseNumber);
  }

  @Test
  void aSecondCaseRefusedInTasklistNamesTheCaseOnlyToThoseWhoMayReadIt() throws Exception {
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(5));
    String caseNumber = as("center").postJson("/api/reports",
        CaseFixtures.reportAbout(idNumber, "gulou", false, "LEFT_BEHIND")).json()
        .get("caseNumber").asText();
    long cases = jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single();

    Http.Response byQixia = as("qixia").postJson(
        "/engine-rest/process-definition/key/case-registration/submit-form", form(idNumber));
    Http.Response byGulou = as("gulou").postJson(
        "/engine-rest/process-definition/key/case-registration/submit-form", form(idNumber));

    assertThat(byQixia.status()).isEqualTo(400);
    assertThat(byQixia.body()).contains("已有在办案件").doesNotContain(caseNumber);
    assertThat(byGulou.status()).isEqualTo(400);
    assertThat(byGulou.body()).contains(caseNumber);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single())
        .isEqualTo(cases);
  }

  private long reportsOf(String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM report r JOIN protection_case c ON c.id = r.case_id "
        + "WHERE c.case_number = ?").param(caseNumber).query(Long.class).single();
  }

  private static String form(String idNumber) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("childName", Map.of("value", "并案儿童"));
    variables.put("childGender", Map.of("value", "F"));
    variables.put("childIdNumber", Map.of("value", idNumber));
    variables.put("district", Map.of("value", "gulou"));
    variables.put("description", Map.of("value", "社区发现"));
    variables.put("suspectedCategories", Map.of("value", "[\"LEFT_BEHIND\"]", "type", "Json"));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }
}
