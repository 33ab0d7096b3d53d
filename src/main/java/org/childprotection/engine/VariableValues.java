package org.childprotection.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads values the way Tasklist hands them in: a Camunda Form's checklist arrives as JSON, a
 * test or an API may pass a list or a comma-separated string; a date field arrives as
 * {@code yyyy-MM-dd}, through the REST API sometimes with a time after it.
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

  /** The day of a date field, or null when it is empty; a value that is no date throws. */
  public static LocalDate day(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
