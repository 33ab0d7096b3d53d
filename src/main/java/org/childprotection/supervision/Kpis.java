package org.childprotection.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The supervision figures (绩效督导) of one or more districts over a period. */
public record Kpis(LocalDate from, LocalDate to, List<DistrictKpis> districts) {

  /** One district's figures. */
  public record DistrictKpis(
      String district,
      String name,
      Map<String, Long> openCasesByCategory,
      Map<String, Long> openCasesByLevel,
      Map<String, Long> overdueReferralsByUnit,
      Durations hoursToTriage,
      Durations hoursToAssessment,
      Visits visits,
      Map<String, Long> closuresByReason) {}

  /** Median and 90th percentile of a set of durations, in hours, and how many there were. */
  public record Durations(long count, Double median, Double p90) {}

  /** Follow-up visits that fell due in the period, and how many of them were done. */
  public record Visits(long due, long done) {}
}
