package org.childprotection.guardianship;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.childprotection.engine.StepRefused;

/**
 * Dates and times as the procedure's forms and callers hand them in: a Camunda Form's date is
 * {@code yyyy-MM-dd}, its date-and-time {@code yyyy-MM-ddTHH:mm} with or without an offset; a
 * test or an API may pass a {@link Date}. A value that is none of these is refused, naming the
 * field and not quoting the value.
 */
final class FormValues {

  private FormValues() {}

  static LocalDate date(String field, Object value, ZoneId zone) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new StepRefused(field, "日期格式应为 yyyy-MM-dd");
    }
  }

  static ZonedDateTime dateTime(String field, Object value, ZoneId zone) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone);
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).atZoneSameInstant(zone);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone);
      } catch (DateTimeParseException e) {
        throw new StepRefused(field, "时间格式应为 yyyy-MM-ddTHH:mm");
      }
    }
  }

  /** The start of a day, Nanjing time: the moment a day's limit begins or ends. */
  static Date startOf(LocalDate day, ZoneId zone) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  static boolean yes(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
  }
}
