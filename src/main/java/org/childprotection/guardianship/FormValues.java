package org.childprotection.guardianship;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.childprotection.engine.StepRefused;

/**
 * Dates as the procedure's forms and its caller hand them in ({@code yyyy-MM-dd}, as a Camunda
 * Form's date field gives it), and the moments the procedure records itself (ISO-8601 with an
 * offset). A value that is no date is refused, naming the field and not quoting the value.
 */
final class FormValues {

  private FormValues() {}

  static LocalDate date(String field, Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new StepRefused(field, "日期应写作 年-月-日，如 2026-12-01");
    }
  }

  static ZonedDateTime moment(Object value, ZoneId zone) {
    return OffsetDateTime.parse(value.toString()).atZoneSameInstant(zone);
  }

  /** The start of a day, Nanjing time: the moment a day's limit begins or ends. */
  static Date startOf(LocalDate day, ZoneId zone) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  static boolean yes(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
  }
}
