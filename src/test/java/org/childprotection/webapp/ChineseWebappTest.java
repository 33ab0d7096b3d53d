package org.childprotection.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The caseworkers' screens in Simplified Chinese: for every key of Camunda's English locale file
 * of the app, the app serves a Chinese one with the same key, the same placeholders, and text.
 */
class ChineseWebappTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final String PLURAL_ENDING = "s";

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyEnglishKeyHasAChineseTranslation(String app) throws IOException {
    Map<String, String> english = leaves(englishOf(app));
    Http.Response served = anonymous().get("/camunda/app/" + app + "/locales/zh.json");
    assertThat(served.status()).isEqualTo(200);
    Map<String, String> chinese = leaves(JSON.readTree(served.body()));

    assertThat(chinese.keySet()).isEqualTo(english.keySet());
    List<String> problems = new ArrayList<>();
    int withChinese = 0;
    for (Map.Entry<String, String> entry : english.entrySet()) {
      String translation = chinese.get(entry.getKey());
      if (!placeholders(translation).equals(placeholders(entry.getValue()))) {
        problems.add(entry.getKey() + ": placeholders differ");
      }
      // English plural endings ("s" appended to a noun) have no Chinese counterpart.
      if (!entry.getValue().isBlank() && translation.isBlank()
          && !entry.getValue().equals(PLURAL_ENDING)) {
        problems.add(entry.getKey() + ": empty");
      }
      if (CJK.matcher(translation).find()) {
        withChinese++;
      }
    }
    assertThat(problems).isEmpty();
    Map<String, String> labels = new LinkedHashMap<>();
    english.forEach((k, v) -> {
      if (k.startsWith("labels.")) {
        labels.put(k, v);
      }
    });
    assertThat(withChinese).as("values written in Chinese")
        .isGreaterThan(labels.size() * 9 / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void chineseIsOfferedToBrowsersThatAskForIt(String app) {
    Http.Response config = anonymous().get("/camunda/app/" + app + "/scripts/config.js");

    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body().replace(" ", ""))
        .contains("availableLocales:['en','zh']")
        // One locale file for a Chinese browser: with two, moment's locale is the last loaded.
        .contains("fallbackLocale:'zh'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void theMigrationBannerIsHiddenFromUsers(String app) {
    Http.Response styles = anonymous().get("/camunda/app/" + app + "/styles/user-styles.css");

    assertThat(styles.status()).isEqualTo(200);
    assertThat(styles.body()).contains(".ce-eol-banner { display: none; }")
        .contains("body { padding-top: 45px; }");
  }

  private static JsonNode englishOf(String app) throws IOException {
    String path = "/META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
    try (InputStream in = ChineseWebappTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Map<String, String> leaves(JsonNode node) {
    Map<String, String> leaves = new LinkedHashMap<>();
    collect("", node, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
            out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(path, node.asText());
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    return found;
  }
}
