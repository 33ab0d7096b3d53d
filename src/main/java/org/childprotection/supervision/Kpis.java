package org.childprotection.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The supervision figures (绩效督导) of one or more districts over a period: each district's,
 * their total (the whole city when every district is asked for), and every overdue task of
 * those districts, most late first. Open cases, overdue work and incidents are counted as they
 * stand now; times to triage and assessment, visits and closures over the period.
 */
public record Kpis(LocalDate from, LocalDate to, List<DistrictKpis> districts, DistrictKpis total,
    List<OverdueTask> overdueTasks) {

  /** The code and name of the total: the city's when it covers every district. */
  public static final String TOTAL = "total";

  /** One district's figures, or the total of several. */
  public record DistrictKpis(
      String district,
      String name,
      Map<String, Long> openCasesByCategory,
      Map<String, Long> openCasesByLevel,
      Map<String, Long> overdueReferralsByUnit,
      Durations hoursToTriage,
      Durations hoursToAssessment,
      Visits visits,
      Map<String, Long> closuresByReason,
      long overdueTaskCount,
      long incidentCount) {}

  /** Median and 90th percentile of a set of durations, in hours, and how many there were. */
  public record Durations(long count, Double median, Double p90) {}

  /** Follow-up visits that fell due in the period, and how many of them were done. */
  public record Visits(long due, long done) {}

  /**
   * An open task past its due date: what it is, whose it is (the assignee's name, else the
   * groups it is offered to, in Chinese), its district and case, and how late it is.
   */
  public record OverdueTask(String taskId, String task, String district, String districtName,
      String caseNumber, String owner, OffsetDateTime due, long minutesOverdue,
      String lateness) {}
}
