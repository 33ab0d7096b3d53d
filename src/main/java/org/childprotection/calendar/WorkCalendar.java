package org.childprotection.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which days are working days (SPEC section 11): Monday to Friday, except the State Council's
 * days off, plus its working weekend days (调休), as loaded for each year into the registry
 * ({@code work_calendar_*}, V11 has 2026). Every node keeps the calendar in memory and reads it
 * again when it is older than {@code minor-protection.calendar.reload-interval}, so a year an
 * administrator adds reaches the whole cluster without a restart. A day of a year that is not
 * loaded counts by the plain week, and that is said in the log and on the health endpoint
 * ({@link WorkCalendarHealth}).
 */
@Component
public class WorkCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkCalendar.class);

  /** A loaded year: where it comes from, who loaded it, and its exceptional days. */
  public record Year(int year, String source, String loadedBy, OffsetDateTime loadedAt,
      List<LocalDate> offDays, List<LocalDate> workingWeekendDays) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration reloadInterval;
  private volatile Snapshot snapshot;
  private volatile LocalDate warnedOn;

  private record Snapshot(Set<Integer> years, Map<LocalDate, Boolean> days, Instant readAt) {}

  public WorkCalendar(JdbcClient jdbc, Clock clock,
      @Value("${minor-protection.calendar.reload-interval}") Duration reloadInterval) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.reloadInterval = reloadInterval;
    reload();
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean exception = current().days().get(day);
    if (exception != null) {
      return exception;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The years whose calendar is loaded. */
  public Set<Integer> years() {
    return current().years();
  }

  /**
   * The calendar years that should be loaded by now and are not: this year, and from December
   * on the next one (the State Council publishes it in November).
   */
  public List<Integer> missingYears() {
    LocalDate today = LocalDate.now(clock);
    List<Integer> wanted = today.getMonthValue() == 12
        ? List.of(today.getYear(), today.getYear() + 1) : List.of(today.getYear());
    Set<Integer> years = current().years();
    return wanted.stream().filter(y -> !years.contains(y)).toList();
  }

  public Optional<Year> year(int year) {
    return jdbc.sql("SELECT * FROM work_calendar_year WHERE calendar_year = ?").param(year)
        .query((rs, n) -> new Year(year, rs.getString("source"), rs.getString("loaded_by"),
            rs.getObject("loaded_at", OffsetDateTime.class),
            daysOf(year, false), daysOf(year, true)))
        .optional();
  }

  /** Replaces a year's calendar (all its days off and working weekend days) at once. */
  @Transactional
  public void replace(Year year) {
    jdbc.sql("DELETE FROM work_calendar_day WHERE calendar_year = ?").param(year.year()).update();
    jdbc.sql("DELETE FROM work_calendar_year WHERE calendar_year = ?").param(year.year())
        .update();
    jdbc.sql("INSERT INTO work_calendar_year (calendar_year, source, loaded_by, loaded_at) "
            + "VALUES (?, ?, ?, ?)")
        .params(year.year(), year.source(), year.loadedBy(), year.loadedAt()).update();
    for (LocalDate day : year.offDays()) {
      insertDay(year.year(), day, false);
    }
    for (LocalDate day : year.workingWeekendDays()) {
      insertDay(year.year(), day, true);
    }
    reload();
  }

  private Snapshot current() {
    Snapshot read = snapshot;
    if (read.readAt().plus(reloadInterval).isBefore(clock.instant())) {
      reload();
      read = snapshot;
    }
    return read;
  }

  /**
   * Reads the calendar again; says in the log (once a day) when a year that should be there is
   * not.
   */
  public void reload() {
    Set<Integer> years = new TreeSet<>(jdbc.sql("SELECT calendar_year FROM work_calendar_year")
        .query(Integer.class).list());
    Map<LocalDate, Boolean> days = jdbc.sql("SELECT calendar_day, working FROM work_calendar_day")
        .query((rs, n) -> Map.entry(rs.getObject("calendar_day", LocalDate.class),
            rs.getBoolean("working")))
        .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
            Map.Entry::getValue));
    snapshot = new Snapshot(Set.copyOf(years), days, clock.instant());
    List<Integer> missing = missingYears();
    LocalDate today = LocalDate.now(clock);
    if (!missing.isEmpty() && !today.equals(warnedOn)) {
      warnedOn = today;
      LOG.warn("The holiday calendar of {} is not loaded: working days of that year count "
          + "Monday to Friday only. Load it with PUT /api/work-calendar/<year> "
          + "(docs/operations.md, \"Working days\").", missing);
    }
  }

  private List<LocalDate> daysOf(int year, boolean working) {
    return jdbc.sql("SELECT calendar_day FROM work_calendar_day WHERE calendar_year = ? "
            + "AND working = ? ORDER BY calendar_day")
        .params(year, working).query((rs, n) -> rs.getObject("calendar_day", LocalDate.class))
        .list();
  }

  private void insertDay(int year, LocalDate day, boolean working) {
    jdbc.sql("INSERT INTO work_calendar_day (calendar_day, calendar_year, working) "
            + "VALUES (?, ?, ?)")
        .params(day, year, working).update();
  }
}
