package org.childprotection.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.childprotection.engine.StepRefused;

/**
 * Reads values the way Tasklist hands them in: a Camunda Form's checklist arrives as JSON, a
 * test or an API may pass a list or a comma-separated string; a date field arrives as
 * {@code yyyy-MM-dd}, through the REST API sometimes with a time after it; a checkbox or a
 * number as a typed value or as its text. A value that cannot be read is refused, naming the
 * field and not quoting the value.
 */
public final class VariableValues {

  private VariableValues() {}

  public static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value == null) {
      return strings;
    }
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> strings.add(e.stringValue()));
      } else if (json.isString()) {
        strings.addAll(strings(json.stringValue()));
      }
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(e -> strings.add(String.valueOf(e)));
    } else {
      String text = value.toString().replaceAll("[\\[\\]\"]", "");
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          strings.add(part.trim());
        }
      }
    }
    return strings;
  }

  /** The day of a date field, or null when it is empty. */
  static LocalDate day(String field, Object value) {
    if (isEmpty(value)) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new StepRefused(field, "日期应写作 年-月-日，如 2026-12-01");
    }
  }

  /** Whether a checkbox is ticked; an absent one is not. */
  public static boolean yes(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
  }

  /** A whole number, or null when it is empty. */
  static Long whole(String field, Object value) {
    if (isEmpty(value)) {
      return null;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return new BigDecimal(value.toString().strip()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new StepRefused(field, "应填写整数");
    }
  }

  /** One of an enumeration's codes, or null when it is empty. */
  static <E extends Enum<E>> E code(String field, Class<E> type, Object value) {
    if (isEmpty(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().strip());
    } catch (IllegalArgumentException e) {
      throw new StepRefused(field, "不是可选的值");
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null || value.toString().isBlank();
  }
}
