package org.childprotection.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.childprotection.deadline.DeadlinePolicy;
import org.childprotection.deadline.Deadlines;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SPEC section 11: working-day limits count the State Council's calendar with its 调休 working
 * weekends, kept as data an administrator adds to without a rebuild, and a missing year is said
 * where operators look.
 */
class WorkingDaysTest extends PlatformTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired
  DeadlinePolicy policy;

  @Autowired
  WorkCalendar calendar;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aTriageDueOneWorkingDayAfterTheEveOfNationalDayFallsOnTheEighthOfOctober() {
    assertThat(policy.triageWorkingDays()).as("the configured triage limit").isEqualTo(1);

    assertThat(triageDueFrom("2026-09-30T10:00+08:00"))
        .isEqualTo(OffsetDateTime.parse("2026-10-08T10:00+08:00"));
  }

  @Test
  void aWorkingWeekendCountsAndTheSpringFestivalDoesNot() {
    // Friday 13 February: Saturday the 14th is a 调休 working day.
    assertThat(triageDueFrom("2026-02-13T09:00+08:00"))
        .isEqualTo(OffsetDateTime.parse("2026-02-14T09:00+08:00"));
    // Saturday 14 February: the festival runs 15 to 23 February.
    assertThat(triageDueFrom("2026-02-14T09:00+08:00"))
        .isEqualTo(OffsetDateTime.parse("2026-02-24T09:00+08:00"));
    // An ordinary week: Friday to Monday.
    assertThat(triageDueFrom("2026-11-27T09:00+08:00"))
        .isEqualTo(OffsetDateTime.parse("2026-11-30T09:00+08:00"));
  }

  @Test
  void anAdministratorAddsAYearWithoutARebuildAndNobodyElseCan() {
    int year = 2031;
    String body = """
        {"source":"国务院办公厅关于2031年部分节假日安排的通知",
         "offDays":["2031-10-01","2031-10-02","2031-10-03","2031-10-06","2031-10-07"],
         "workingWeekendDays":["2031-09-28","2031-10-11"]}""";

    Http.Response byDistrict = as("gulou").send("PUT", "/api/work-calendar/" + year,
        "application/json", body);
    Http.Response bySupervisor = as("supervisor").send("PUT", "/api/work-calendar/" + year,
        "application/json", body);
    assertThat(byDistrict.status()).isEqualTo(403);
    assertThat(bySupervisor.status()).isEqualTo(403);
    assertThat(rowsOf(year)).isZero();

    Http.Response byAdmin = as("demo").send("PUT", "/api/work-calendar/" + year,
        "application/json", body);

    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
    assertThat(byAdmin.json().get("loadedBy").asText()).isEqualTo("demo");
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 6))).as("a Monday off").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 9, 28))).as("a working Sunday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 8))).isTrue();
    assertThat(as("gulou").get("/api/work-calendar/" + year).json().get("offDays"))
        .hasSize(5);
    assertThat(rowsOf(year)).isEqualTo(7);
  }

  @Test
  void aWrongYearIsRefusedWithItsReasonsAndChangesNothing() {
    long before = rowsOf(2032);
    for (String body : List.of(
        "{\"source\":\"通知\",\"offDays\":[\"2033-01-01\"],\"workingWeekendDays\":[]}",
        "{\"source\":\"通知\",\"offDays\":[\"2032-13-01\"],\"workingWeekendDays\":[]}",
        "{\"source\":\"通知\",\"offDays\":[],\"workingWeekendDays\":[\"2032-01-05\"]}",
        "{\"source\":\"\",\"offDays\":[\"2032-01-01\"],\"workingWeekendDays\":[]}",
        "{\"source\":\"通知\",\"offDays\":[\"2032-01-03\"],\"workingWeekendDays\":[\"2032-01-03\"]}")) {
      Http.Response answer = as("demo").send("PUT", "/api/work-calendar/2032",
          "application/json", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("message").asText())
          .containsPattern("[\\u4e00-\\u9fa5]");
    }
    assertThat(rowsOf(2032)).isEqualTo(before);
  }

  @Test
  void aMissingYearIsSaidOnTheHealthEndpointAndInTheMetrics() {
    WorkCalendar inDecember = new WorkCalendar(jdbc, Clock.fixed(
        OffsetDateTime.parse("2034-12-05T09:00+08:00").toInstant(), SHANGHAI),
        Duration.ofMinutes(5));
    WorkCalendar inMarch = new WorkCalendar(jdbc, Clock.fixed(
        OffsetDateTime.parse("2026-03-05T09:00+08:00").toInstant(), SHANGHAI),
        Duration.ofMinutes(5));

    assertThat(inDecember.missingYears()).containsExactly(2034, 2035);
    assertThat(inMarch.missingYears()).isEmpty();
    assertThat(new WorkCalendarHealth(inDecember, new SimpleMeterRegistry()).health().getDetails()).containsEntry("missingYears",
        List.of(2034, 2035)).containsKey("warning");

    Http.Response health = as("demo").get("/actuator/health");
    assertThat(health.json().at("/components/workCalendar/details/years").toString())
        .contains("2026");
    assertThat(as("demo").get("/actuator/prometheus").body())
        .contains("minor_protection_calendar_missing_years");
  }

  private OffsetDateTime triageDueFrom(String now) {
    Clock clock = Clock.fixed(OffsetDateTime.parse(now).toInstant(), SHANGHAI);
    return new Deadlines(policy, calendar, clock).triage(false).toInstant()
        .atZone(SHANGHAI).toOffsetDateTime();
  }

  private long rowsOf(int year) {
    return jdbc.sql("SELECT COUNT(*) FROM work_calendar_day WHERE calendar_year = ?")
        .param(year).query(Long.class).single();
  }
}
