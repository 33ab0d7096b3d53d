package org.childprotection.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Where operators look for a missing holiday calendar: {@code /actuator/health} (component
 * {@code workCalendar}: the loaded years and the missing ones; it stays UP, since deadlines
 * still come out, counted Monday to Friday) and the gauge
 * {@code minor_protection_calendar_missing_years} (this year, and from December the next).
 */
@Component("workCalendarHealthIndicator")
public class WorkCalendarHealth implements HealthIndicator {

  private final WorkCalendar calendar;

  public WorkCalendarHealth(WorkCalendar calendar, MeterRegistry meters) {
    this.calendar = calendar;
    Gauge.builder("minor_protection.calendar.missing.years", calendar,
            c -> c.missingYears().size())
        .description("Calendar years whose State Council holiday calendar should be loaded and is not")
        .register(meters);
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up().withDetail("years", calendar.years());
    if (!calendar.missingYears().isEmpty()) {
      health.withDetail("missingYears", calendar.missingYears())
          .withDetail("warning", "节假日安排未录入：该年度的工作日按周一至周五计算，"
              + "请管理员通过 PUT /api/work-calendar/{year} 录入国务院办公厅发布的安排");
    }
    return health.build();
  }
}
