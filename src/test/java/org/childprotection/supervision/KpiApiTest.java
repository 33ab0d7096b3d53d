package org.childprotection.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.ProcessDriver;
import org.junit.jupiter.api.Test;

/** {@code GET /api/supervision/kpis}: the figures move with the work, per district. */
class KpiApiTest extends PlatformTest {

  @Test
  void theFiguresFollowTheWorkOfADistrict() {
    JsonNode before = gulou(as("supervisor").get("/api/supervision/kpis?district=gulou").json());

    String root = openAndAssess();

    JsonNode after = gulou(as("supervisor").get("/api/supervision/kpis?district=gulou").json());
    assertThat(count(after.get("openCasesByCategory"), "STREET_BEGGING"))
        .isEqualTo(count(before.get("openCasesByCategory"), "STREET_BEGGING") + 1);
    assertThat(count(after.get("openCasesByLevel"), "YELLOW"))
        .isEqualTo(count(before.get("openCasesByLevel"), "YELLOW") + 1);
    assertThat(after.get("hoursToTriage").get("count").asLong())
        .isEqualTo(before.get("hoursToTriage").get("count").asLong() + 1);
    assertThat(after.get("hoursToAssessment").get("count").asLong())
        .isEqualTo(before.get("hoursToAssessment").get("count").asLong() + 1);
    assertThat(after.get("hoursToTriage").get("median").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(root).isNotBlank();
  }

  @Test
  void aDistrictSeesItsOwnFiguresOnlyAndTheCitySeesAll() {
    JsonNode own = as("gulou").get("/api/supervision/kpis").json();
    assertThat(own.get("districts")).hasSize(1);
    assertThat(own.get("districts").get(0).get("district").asText()).isEqualTo("gulou");
    assertThat(as("gulou").get("/api/supervision/kpis?district=qixia").status()).isEqualTo(403);
    assertThat(as("supervisor").get("/api/supervision/kpis").json().get("districts")).hasSize(11);
    assertThat(as("supervisor").get("/api/supervision/kpis?from=yesterday").status())
        .isEqualTo(400);
  }

  @Test
  void onlyTheCitysSupervisorsAndTheDistrictsThemselvesSeeFigures() {
    for (String unit : List.of("education", "police", "court")) {
      for (String query : List.of("", "?district=gulou", "?district=qixia", "?district=nowhere")) {
        assertThat(as(unit).get("/api/supervision/kpis" + query).status()).as(unit + query)
            .isEqualTo(403);
        assertThat(as(unit).get("/api/supervision/kpis.csv" + query).status()).as(unit + query)
            .isEqualTo(403);
      }
    }
    for (String city : List.of("supervisor", "center", "demo")) {
      assertThat(as(city).get("/api/supervision/kpis").json().get("districts")).as(city)
          .hasSize(11);
    }
    assertThat(as("qixia").get("/api/supervision/kpis").json().get("districts").get(0)
        .get("district").asText()).isEqualTo("qixia");
  }

  @Test
  void aDateOutsideTheCalendarIsA400NamingTheParameter() {
    for (String[] bad : new String[][] {{"from", "-999999999-01-01"}, {"to", "+999999999-12-31"},
        {"from", "0000-01-01"}, {"to", "+10000-01-01"}, {"to", "2026-02-30"}}) {
      Http.Response answer = as("supervisor").get("/api/supervision/kpis?" + bad[0] + "="
          + bad[1].replace("+", "%2B"));
      assertThat(answer.status()).as(bad[1] + " " + answer).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(bad[0]);
    }
    Http.Response badEnd = as("supervisor").get("/api/supervision/kpis?from=2026-01-01&to=x");
    assertThat(badEnd.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
  }

  @Test
  void aCockpitSessionMayReadTheFiguresButChangeNothing() {
    Http session = anonymous();
    Http.Response login = session.loginToWebapp("cockpit", "supervisor", "supervisor");
    assertThat(login.status()).isEqualTo(200);

    assertThat(session.get("/api/supervision/kpis?district=qixia").status()).isEqualTo(200);
    assertThat(session.postJson("/api/reports", Map.of("channel", "WALK_IN")).status())
        .isEqualTo(401);
    assertThat(anonymous().get("/api/supervision/kpis").status()).isEqualTo(401);
  }

  @Test
  void theFiguresExportAsCsv() {
    openAndAssess();
    Http.Response csv = as("supervisor").get("/api/supervision/kpis.csv?district=gulou");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).contains("区,区名,指标,项目,数值").contains("gulou,鼓楼区,走访,应走访");
    // The items are said in words (类别, 风险等级, 单位, 结案原因), not as the API's codes.
    assertThat(csv.body()).contains("gulou,鼓楼区,在办案件（风险等级）,").contains(",流浪乞讨,");
    assertThat(csv.body().lines().skip(1).map(line -> line.split(",")[3]))
        .noneMatch(item -> item.matches(".*[A-Za-z].*"));
  }

  private String openAndAssess() {
    ProcessDriver drive = new ProcessDriver(engine);
    Http.Response opened = as("center").postJson("/api/reports", Map.of(
        "channel", "RESCUE_24H",
        "child", Map.of("name", "测试儿童", "gender", "M", "idNumber", CaseFixtures.idNumber(
            LocalDate.now().minusYears(10).minusDays(17))),
        "location", Map.of("district", "gulou"),
        "suspectedCategories", List.of("STREET_BEGGING")));
    assertThat(opened.status()).isEqualTo(201);
    String root = opened.json().get("processInstanceId").asText();
    drive.runJobs(root);
    drive.complete(root, "triage", Map.of("urgent", false, "triageOutcome", "ASSESS"));
    drive.complete(root, "assessFamily", Map.of("guardianHarm", "NEGLECT_OR_VERBAL",
        "income", "BELOW_DIBAO"));
    return root;
  }

  private static JsonNode gulou(JsonNode kpis) {
    return kpis.get("districts").get(0);
  }

  private static long count(JsonNode counts, String key) {
    return counts.has(key) ? counts.get(key).asLong() : 0;
  }
}
