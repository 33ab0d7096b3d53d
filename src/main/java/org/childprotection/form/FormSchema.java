package org.childprotection.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Camunda Form (form-js schema) as far as its answers are checked: its input fields, each with
 * the constraints the form declares ({@code validate}, {@code decimalDigits}, static options)
 * and its custom properties ({@link #PAST}, {@link #ID_NUMBER}, {@link #PATTERN_MESSAGE}).
 */
public record FormSchema(String id, List<Field> fields) {

  /** Custom property of a date field: the day may not be after today. */
  public static final String PAST = "past";
  /** Custom property of a text field: a 居民身份证号, check character included. */
  public static final String ID_NUMBER = "idNumber";
  /** Custom property of a text field with a pattern: the reason given when it does not match. */
  public static final String PATTERN_MESSAGE = "patternMessage";

  /** The component types whose value is an answer; the others show text or arrange fields. */
  public static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number",
      "datetime", "checkbox", "checklist", "radio", "select");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One input field. A number or length the form does not set is null; {@code options} is null
   * when the form lists none of its own.
   */
  public record Field(String key, String type, String label, String subtype, boolean required,
      BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength,
      Integer decimalDigits, String pattern, List<String> options,
      Map<String, String> properties) {

    public boolean has(String property) {
      return "true".equals(properties.get(property));
    }
  }

  public static FormSchema parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      collect(root.path("components"), fields);
      return new FormSchema(root.path("id").asText(), List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
        fields.add(field(component, type));
      }
      collect(component.path("components"), fields);
    }
  }

  private static Field field(JsonNode component, String type) {
    JsonNode validate = component.path("validate");
    List<String> options = null;
    if (component.has("values")) {
      options = new ArrayList<>();
      for (JsonNode option : component.get("values")) {
        options.add(option.path("value").asText());
      }
    }
    Map<String, String> properties = new LinkedHashMap<>();
    component.path("properties").fields()
        .forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
    String label = component.path("datetime".equals(type) ? "dateLabel" : "label").asText("");
    return new Field(component.get("key").asText(), type, label,
        text(component, "subtype"), validate.path("required").asBoolean(false),
        decimal(validate, "min"), decimal(validate, "max"),
        integer(validate, "minLength"), integer(validate, "maxLength"),
        integer(component, "decimalDigits"), text(validate, "pattern"),
        options == null ? null : List.copyOf(options), Map.copyOf(properties));
  }

  private static String text(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).asText() : null;
  }

  private static BigDecimal decimal(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).decimalValue() : null;
  }

  private static Integer integer(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).asInt() : null;
  }
}
