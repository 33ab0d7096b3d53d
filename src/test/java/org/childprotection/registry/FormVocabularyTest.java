package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary: wherever a form offers one of the platform's codes as an option (a district,
 * a category, a measure …) or shows one in its text through a FEEL map ({@code get value({gulou:
 * "鼓楼区", …}, district)}), it uses the words of {@link Vocabulary}, the words of the API, the
 * exports and the plugins. A field or a map is of a kind when all its codes are codes of that
 * kind.
 */
class FormVocabularyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FEEL_MAP =
      Pattern.compile("get value\\(\\{([^}]*)\\},\\s*([A-Za-z]+)\\)");
  private static final Pattern FEEL_ENTRY =
      Pattern.compile("\"?([A-Za-z0-9_\\-]+)\"?\\s*:\\s*\"([^\"]*)\"");

  @Test
  void everyFormSaysTheCodesItShowsInTheVocabularysWords() throws IOException {
    List<String> checked = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.sorted().toList()) {
        String name = form.getFileName().toString().replace(".form", "");
        for (Map.Entry<String, Map<String, String>> shown : codesShown(JSON.readTree(
            form.toFile())).entrySet()) {
          String where = name + " " + shown.getKey();
          List<String> kinds = kindsOf(shown.getValue());
          if (kinds.isEmpty()) {
            continue;
          }
          checked.add(where);
          boolean same = kinds.stream().anyMatch(kind -> shown.getValue().entrySet().stream()
              .allMatch(e -> e.getValue().equals(Vocabulary.all().get(kind).get(e.getKey()))));
          if (!same) {
            differences.add(where + " says " + shown.getValue() + ", the vocabulary ("
                + kinds + ") says " + Vocabulary.all().get(kinds.get(0)));
          }
        }
      }
    }

    assertThat(differences).isEmpty();
    assertThat(checked).as("the forms' coded fields and maps found")
        .contains("open-case district", "open-case suspectedCategories", "open-case household",
            "open-case childGender", "launch-survey district", "triage confirmedCategories",
            "apply-measure measureType", "appoint-guardian placement",
            "appoint-guardian guardianType", "court-ruling rulingOutcome",
            "decide-application applicant", "decide-application legalGrounds",
            "handle-referral referralResult", "triage map of district", "triage map of c",
            "handle-referral map of referralUnit", "handle-referral map of riskLevel");
  }

  /** The option fields' codes and words, and the FEEL maps of the texts, by where they are. */
  private static Map<String, Map<String, String>> codesShown(JsonNode form) {
    Map<String, Map<String, String>> shown = new LinkedHashMap<>();
    walk(form, shown);
    return shown;
  }

  private static void walk(JsonNode node, Map<String, Map<String, String>> shown) {
    if (node.has("values") && node.has("key")) {
      Map<String, String> options = new LinkedHashMap<>();
      node.get("values").forEach(v -> options.put(v.path("value").asText(),
          v.path("label").asText()));
      shown.put(node.get("key").asText(), options);
    }
    if (node.has("text")) {
      Matcher map = FEEL_MAP.matcher(node.get("text").asText());
      while (map.find()) {
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = FEEL_ENTRY.matcher(map.group(1));
        while (entry.find()) {
          entries.put(entry.group(1), entry.group(2));
        }
        shown.put("map of " + map.group(2), entries);
      }
    }
    node.path("components").forEach(child -> walk(child, shown));
  }

  private static List<String> kindsOf(Map<String, String> codes) {
    List<String> kinds = new ArrayList<>();
    Vocabulary.all().forEach((kind, words) -> {
      if (!codes.isEmpty() && words.keySet().containsAll(new TreeSet<>(codes.keySet()))) {
        kinds.add(kind);
      }
    });
    return kinds;
  }
}
