package org.childprotection.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.childprotection.organisation.District;
import org.childprotection.supervision.Kpis.DistrictKpis;
import org.childprotection.supervision.Kpis.Durations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the supervision figures from the registry and the engine: open cases by category
 * and level, overdue referrals per unit, report-to-triage and report-to-assessment times
 * (median, 90th percentile), visits done against due, closures, overdue tasks and incidents;
 * per district and in total.
 */
@Service
public class KpiService {

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final OverdueTasks overdueTasks;
  private final Clock clock;

  public KpiService(JdbcClient jdbc, HistoryService history, RuntimeService runtime,
      OverdueTasks overdueTasks, Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.overdueTasks = overdueTasks;
    this.clock = clock;
  }

  public Kpis compute(List<District> districts, LocalDate from, LocalDate to) {
    OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Kpis.OverdueTask> late = overdueTasks.of(districts, now);
    List<DistrictKpis> result = new ArrayList<>();
    List<Double> allToTriage = new ArrayList<>();
    List<Double> allToAssessment = new ArrayList<>();
    for (District district : districts) {
      List<Double> toTriage = hoursToTriage(district, start, end);
      List<Double> toAssessment = hoursToAssessment(district, start, end);
      allToTriage.addAll(toTriage);
      allToAssessment.addAll(toAssessment);
      result.add(new DistrictKpis(district.code(), district.chineseName(),
          openByCategory(district), openByLevel(district), overdueReferrals(district, now),
          durations(toTriage), durations(toAssessment),
          visits(district, start, end), closures(district, start, end),
          late.stream().filter(t -> district.code().equals(t.district())).count(),
          incidents(district)));
    }
    return new Kpis(from, to, result, total(result, districts.size() == District.values().length,
        durations(allToTriage), durations(allToAssessment)), late);
  }

  /**
   * The districts' figures added up; durations over all their cases together, since medians do
   * not add.
   */
  private static DistrictKpis total(List<DistrictKpis> districts, boolean wholeCity,
      Durations toTriage, Durations toAssessment) {
    return new DistrictKpis(Kpis.TOTAL, wholeCity ? "全市" : "合计",
        sum(districts, DistrictKpis::openCasesByCategory),
        sum(districts, DistrictKpis::openCasesByLevel),
        sum(districts, DistrictKpis::overdueReferralsByUnit), toTriage, toAssessment,
        new Kpis.Visits(districts.stream().mapToLong(d -> d.visits().due()).sum(),
            districts.stream().mapToLong(d -> d.visits().done()).sum()),
        sum(districts, DistrictKpis::closuresByReason),
        districts.stream().mapToLong(DistrictKpis::overdueTaskCount).sum(),
        districts.stream().mapToLong(DistrictKpis::incidentCount).sum());
  }

  private static Map<String, Long> sum(List<DistrictKpis> districts,
      Function<DistrictKpis, Map<String, Long>> counts) {
    Map<String, Long> total = new TreeMap<>();
    districts.forEach(d -> counts.apply(d).forEach((key, n) -> total.merge(key, n, Long::sum)));
    return total;
  }

  /** Incidents (failed jobs, a notification or the court hand-off) waiting for someone. */
  private long incidents(District district) {
    return runtime.createIncidentQuery().tenantIdIn(district.tenantId()).count();
  }

  private Map<String, Long> openByCategory(District district) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql("SELECT categories FROM protection_case WHERE status = 'OPEN' AND district = ?")
        .param(district.code()).query(String.class).list()
        .forEach(categories -> {
          for (String category : categories.split(",")) {
            counts.merge(category, 1L, Long::sum);
          }
        });
    return counts;
  }

  private Map<String, Long> openByLevel(District district) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql("SELECT COALESCE(risk_level, 'UNASSESSED'), COUNT(*) FROM protection_case "
            + "WHERE status = 'OPEN' AND district = ? GROUP BY COALESCE(risk_level, 'UNASSESSED')")
        .param(district.code())
        .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private Map<String, Long> overdueReferrals(District district, OffsetDateTime now) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql("SELECT r.unit, COUNT(*) FROM referral r JOIN protection_case c ON c.id = r.case_id "
            + "WHERE r.status = 'OPEN' AND r.due_at < ? AND c.district = ? GROUP BY r.unit")
        .params(now.withOffsetSameInstant(ZoneOffset.UTC), district.code())
        .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private List<Double> hoursToTriage(District district, OffsetDateTime start,
      OffsetDateTime end) {
    return jdbc.sql("SELECT opened_at, triaged_at FROM protection_case WHERE district = ? "
            + "AND opened_at >= ? AND opened_at < ? AND triaged_at IS NOT NULL")
        .params(district.code(), start, end)
        .query((rs, i) -> hours(rs.getObject(1, OffsetDateTime.class),
            rs.getObject(2, OffsetDateTime.class))).list();
  }

  private List<Double> hoursToAssessment(District district, OffsetDateTime start,
      OffsetDateTime end) {
    return jdbc.sql("SELECT c.opened_at, MIN(a.assessed_at) FROM protection_case c "
            + "JOIN assessment a ON a.case_id = c.id AND a.kind = 'INITIAL' "
            + "WHERE c.district = ? AND c.opened_at >= ? AND c.opened_at < ? "
            + "GROUP BY c.id, c.opened_at")
        .params(district.code(), start, end)
        .query((rs, i) -> hours(rs.getObject(1, OffsetDateTime.class),
            rs.getObject(2, OffsetDateTime.class))).list();
  }

  /** Visits that fell due in the period (follow-up tasks created), and those done. */
  private Kpis.Visits visits(District district, OffsetDateTime start, OffsetDateTime end) {
    Date after = Date.from(start.toInstant().minusMillis(1));
    Date before = Date.from(end.toInstant());
    long due = history.createHistoricTaskInstanceQuery().tenantIdIn(district.tenantId())
        .taskDefinitionKey("followUpVisit").startedAfter(after).startedBefore(before).count();
    long done = history.createHistoricTaskInstanceQuery().tenantIdIn(district.tenantId())
        .taskDefinitionKey("followUpVisit").startedAfter(after).startedBefore(before)
        .finished().count();
    return new Kpis.Visits(due, done);
  }

  private Map<String, Long> closures(District district, OffsetDateTime start,
      OffsetDateTime end) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT closure_reason, COUNT(*) FROM protection_case WHERE status = 'CLOSED' "
            + "AND district = ? AND closed_at >= ? AND closed_at < ? GROUP BY closure_reason")
        .params(district.code(), start, end)
        .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  static Durations durations(List<Double> hours) {
    if (hours.isEmpty()) {
      return new Durations(0, null, null);
    }
    List<Double> sorted = hours.stream().sorted().toList();
    return new Durations(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
  }

  /** Nearest-rank percentile, rounded to a tenth of an hour. */
  static double percentile(List<Double> sorted, double share) {
    int rank = (int) Math.ceil(share * sorted.size());
    double value = sorted.get(Math.max(0, rank - 1));
    return Math.round(value * 10) / 10.0;
  }

  private static double hours(OffsetDateTime from, OffsetDateTime to) {
    return Duration.between(from, to).toMinutes() / 60.0;
  }
}
