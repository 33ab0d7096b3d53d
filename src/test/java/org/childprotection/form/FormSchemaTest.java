package org.childprotection.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The forms use only what the server's check of their answers ({@link FormAnswerCheck})
 * understands, so that what form-js refuses in the browser the server refuses too; and every date
 * field has been decided: about the past, or one of the few that may lie ahead.
 */
@Tag("no-database")
class FormSchemaTest {

  /** Components that show or arrange, and hold no answer. */
  private static final Set<String> DISPLAY_TYPES = Set.of("text", "group", "spacer", "separator");
  /** What a component may declare; anything else (conditions, paths, expressions) is unchecked. */
  private static final Set<String> COMPONENT_ATTRIBUTES = Set.of("type", "id", "key", "label",
      "dateLabel", "subtype", "text", "description", "layout", "components", "showOutline",
      "values", "defaultValue", "searchable", "decimalDigits", "validate", "properties");
  private static final Set<String> VALIDATE_ATTRIBUTES =
      Set.of("required", "min", "max", "minLength", "maxLength", "pattern");
  /** Date fields that may lie in the future: a deadline, and dates that can be planned. */
  private static final Set<String> DATES_AHEAD = Set.of("surveyDeadline", "returnDate",
      "handBackDate");

  @Test
  void everyFormUsesOnlyWhatTheServerChecks() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path form : forms()) {
      JsonNode root = new ObjectMapper().readTree(form.toFile());
      assertThat(root.path("schemaVersion").asInt()).as(form.toString()).isEqualTo(16);
      components(root.path("components")).forEach(c -> check(form, c, problems));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDateFieldIsAboutThePastOrKnownToLieAhead() throws IOException {
    List<String> undecided = new ArrayList<>();
    int dates = 0;
    for (Path form : forms()) {
      for (FormSchema.Field field : FormSchema.parse(Files.readAllBytes(form)).fields()) {
        if (field.type().equals("datetime")) {
          dates++;
          if (field.has(FormSchema.PAST) == DATES_AHEAD.contains(field.key())) {
            undecided.add(form.getFileName() + " " + field.key());
          }
        }
      }
    }
    assertThat(dates).isEqualTo(21);
    assertThat(undecided).isEmpty();
  }

  private static void check(Path form, JsonNode component, List<String> problems) {
    String where = form.getFileName() + " " + component.path("id").asText();
    String type = component.path("type").asText();
    if (!FormSchema.INPUT_TYPES.contains(type) && !DISPLAY_TYPES.contains(type)) {
      problems.add(where + ": type " + type);
    }
    component.fieldNames().forEachRemaining(name -> {
      if (!COMPONENT_ATTRIBUTES.contains(name)) {
        problems.add(where + ": " + name);
      }
    });
    component.path("validate").fields().forEachRemaining(v -> {
      if (!VALIDATE_ATTRIBUTES.contains(v.getKey())) {
        problems.add(where + ": validate." + v.getKey());
      } else if (v.getValue().isTextual() && v.getValue().asText().startsWith("=")) {
        problems.add(where + ": validate." + v.getKey() + " is an expression");
      }
    });
    if (component.path("validate").has("pattern")) {
      Pattern.compile(component.path("validate").path("pattern").asText());
    }
    if (type.equals("datetime") && !component.path("subtype").asText().equals("date")) {
      problems.add(where + ": a datetime that is not a date");
    }
    Map<String, Set<String>> propertiesByType = Map.of(
        "datetime", Set.of(FormSchema.PAST),
        "textfield", Set.of(FormSchema.ID_NUMBER, FormSchema.PATTERN_MESSAGE));
    component.path("properties").fields().forEachRemaining(p -> {
      if (!propertiesByType.getOrDefault(type, Set.of()).contains(p.getKey())) {
        problems.add(where + ": property " + p.getKey() + " on a " + type);
      } else if (!p.getKey().equals(FormSchema.PATTERN_MESSAGE)
          && !p.getValue().asText().equals("true")) {
        problems.add(where + ": property " + p.getKey() + " is not \"true\"");
      }
    });
    if (component.path("properties").has(FormSchema.PATTERN_MESSAGE)
        && !component.path("validate").has("pattern")) {
      problems.add(where + ": a pattern message without a pattern");
    }
  }

  private static List<JsonNode> components(JsonNode components) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : components) {
      all.add(component);
      all.addAll(components(component.path("components")));
    }
    return all;
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }
}
