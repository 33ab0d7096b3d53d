package org.childprotection.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/supervision/kpis}: the figures move with the work, per district and in total,
 * with every overdue task.
 */
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
    // The figures' table, up to the blank line before the overdue tasks' own table.
    assertThat(csv.body().lines().skip(1).takeWhile(line -> !line.isEmpty())
        .map(line -> line.split(",")[3])).isNotEmpty()
        .noneMatch(item -> item.matches(".*[A-Za-z].*"));
  }

  @Test
  void everyOverdueTaskIsListedMostLateFirstWithWhoseItIsAndItsCase() {
    String root = open("gulou");
    String caseNumber = drive.businessKey(root);
    Task triage = drive.task(root, "triage");
    drive.dueAgo(triage, Duration.ofDays(2).plusHours(5).plusMinutes(30));

    JsonNode city = as("supervisor").get("/api/supervision/kpis").json();
    JsonNode listed = overdue(city, triage.getId());
    assertThat(listed).as("the triage in the overdue list").isNotNull();
    assertThat(listed.get("lateness").asText()).isEqualTo("逾期 2 天 5 小时");
    assertThat(listed.get("minutesOverdue").asLong()).isBetween(2 * 1440 + 330L, 2 * 1440 + 340L);
    assertThat(listed.get("task").asText()).isEqualTo("保护中心分诊");
    assertThat(listed.get("owner").asText()).isEqualTo("市未成年人保护中心（待认领）");
    assertThat(listed.get("district").asText()).isEqualTo("gulou");
    assertThat(listed.get("districtName").asText()).isEqualTo("鼓楼区");
    assertThat(listed.get("caseNumber").asText()).isEqualTo(caseNumber);
    List<Long> lateness = new ArrayList<>();
    city.get("overdueTasks").forEach(t -> lateness.add(t.get("minutesOverdue").asLong()));
    assertThat(lateness).as("most late first").isSortedAccordingTo(Comparator.reverseOrder());

    engine.getTaskService().setAssignee(triage.getId(), "center");
    assertThat(overdue(as("supervisor").get("/api/supervision/kpis").json(), triage.getId())
        .get("owner").asText()).isEqualTo("演示市未成年人保护中心");

    JsonNode own = as("gulou").get("/api/supervision/kpis").json();
    assertThat(overdue(own, triage.getId())).as("gulou's own task").isNotNull();
    JsonNode other = as("qixia").get("/api/supervision/kpis").json();
    assertThat(overdue(other, triage.getId())).as("another district's task").isNull();
    other.get("overdueTasks").forEach(t -> assertThat(t.get("district").asText())
        .isEqualTo("qixia"));

    String csv = as("supervisor").get("/api/supervision/kpis.csv?district=gulou").body();
    assertThat(csv).contains("区,区名,案件编号,任务,办理人或单位,到期时间,逾期分钟数,逾期")
        .containsPattern("gulou,鼓楼区," + caseNumber
            + ",保护中心分诊,演示市未成年人保护中心,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},\\d+,逾期 2 天 5 小时");
  }

  @Test
  void theTotalAddsUpTheDistrictsAndTheirIncidents() {
    String root = open("gulou");
    long incidentsBefore = gulou(as("supervisor").get("/api/supervision/kpis?district=gulou")
        .json()).get("incidentCount").asLong();
    Incident incident = engine.getRuntimeService().createIncident("supervisionTest",
        drive.task(root, "triage").getExecutionId(), "测试故障");
    try {
      JsonNode city = as("supervisor").get("/api/supervision/kpis").json();
      JsonNode total = city.get("total");
      assertThat(total.get("district").asText()).isEqualTo("total");
      assertThat(total.get("name").asText()).isEqualTo("全市");
      JsonNode gulou = district(city, "gulou");
      assertThat(gulou.get("incidentCount").asLong()).isEqualTo(incidentsBefore + 1);
      for (String figure : List.of("openCasesByCategory", "openCasesByLevel",
          "overdueReferralsByUnit", "closuresByReason")) {
        Map<String, Long> sum = new TreeMap<>();
        city.get("districts").forEach(d -> d.get(figure).fields()
            .forEachRemaining(e -> sum.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
        Map<String, Long> shown = new TreeMap<>();
        total.get(figure).fields().forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asLong()));
        assertThat(shown).as(figure).isEqualTo(sum);
      }
      assertThat(count(total.get("openCasesByLevel"), "UNASSESSED")).isPositive();
      for (String figure : List.of("overdueTaskCount", "incidentCount")) {
        long sum = 0;
        for (JsonNode d : city.get("districts")) {
          sum += d.get(figure).asLong();
        }
        assertThat(total.get(figure).asLong()).as(figure).isEqualTo(sum);
      }
      assertThat(total.get("incidentCount").asLong()).isPositive();
      assertThat(total.get("overdueTaskCount").asLong()).isEqualTo(city.get("overdueTasks").size());
      long triaged = 0;
      long visitsDue = 0;
      for (JsonNode d : city.get("districts")) {
        triaged += d.get("hoursToTriage").get("count").asLong();
        visitsDue += d.get("visits").get("due").asLong();
      }
      assertThat(total.get("hoursToTriage").get("count").asLong()).isEqualTo(triaged);
      assertThat(total.get("visits").get("due").asLong()).isEqualTo(visitsDue);

      JsonNode own = as("gulou").get("/api/supervision/kpis").json();
      assertThat(own.get("total").get("name").asText()).isEqualTo("合计");
      assertThat(own.get("total").get("openCasesByLevel"))
          .isEqualTo(gulou(own).get("openCasesByLevel"));
      assertThat(own.get("total").get("incidentCount").asLong())
          .isEqualTo(incidentsBefore + 1);
      assertThat(as("supervisor").get("/api/supervision/kpis.csv").body())
          .contains("total,全市,故障,件数," + total.get("incidentCount").asLong())
          .contains("gulou,鼓楼区,故障,件数," + (incidentsBefore + 1));
    } finally {
      engine.getRuntimeService().resolveIncident(incident.getId());
    }
  }

  /** A new case of the district, reported and waiting for its triage. */
  private String open(String district) {
    return CaseFixtures.open(as("center"), drive,
        CaseFixtures.report(district, false, "LEFT_BEHIND"));
  }

  private static JsonNode overdue(JsonNode kpis, String taskId) {
    for (JsonNode task : kpis.get("overdueTasks")) {
      if (task.get("taskId").asText().equals(taskId)) {
        return task;
      }
    }
    return null;
  }

  private static JsonNode district(JsonNode kpis, String code) {
    for (JsonNode d : kpis.get("districts")) {
      if (d.get("district").asText().equals(code)) {
        return d;
      }
    }
    throw new AssertionError("no district " + code);
  }

  private String openAndAssess() {
    String root = CaseFixtures.open(as("center"), drive, Map.of(
        "channel", "RESCUE_24H",
        "child", Map.of("name", "测试儿童", "gender", "M", "idNumber", CaseFixtures.idNumber(
            LocalDate.now().minusYears(10).minusDays(17))),
        "location", Map.of("district", "gulou"),
        "suspectedCategories", List.of("STREET_BEGGING")));
    drive.complete(root, "triage", CaseFixtures.triage("YELLOW", "STREET_BEGGING"));
    drive.complete(root, "assessFamily", Map.of("guardianHarm", "NEGLECT_OR_VERBAL",
        "income", "BELOW_DIBAO", "visitDate", LocalDate.now().toString(),
        "assessmentNote", "走访"));
    return root;
  }

  private static JsonNode gulou(JsonNode kpis) {
    return kpis.get("districts").get(0);
  }

  private static long count(JsonNode counts, String key) {
    return counts.has(key) ? counts.get(key).asLong() : 0;
  }
}
