package org.childprotection.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The children's names and ID numbers the tests send, written down so that the privacy scan
 * after the suite ({@code .ci/privacy-scan.py}) can check that no log contains them. One file
 * per test JVM: {@code target/privacy/personal-data-<pid>.txt}, lines {@code <kind>\t<value>}.
 * Values with control characters (bad-input tests send them) cannot be matched within a log
 * line and are left out.
 */
public final class PersonalData {

  public static final String ID_NUMBER = "ID_NUMBER";
  public static final String CHILD_NAME = "CHILD_NAME";

  private static final Pattern ID_PATTERN = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
  private static final Pattern CHILD_NAME_FIELD = Pattern.compile("(?i)child_?name");
  private static final Pattern ID_NUMBER_FIELD = Pattern.compile("(?i).*id_?number");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();
  private static BufferedWriter out;

  private PersonalData() {}

  public static void childName(String name) {
    record(CHILD_NAME, name);
  }

  public static void idNumber(String idNumber) {
    record(ID_NUMBER, idNumber);
  }

  /**
   * Everything in a request body that names a child: {@code child.name}, fields such as
   * {@code childName} and {@code idNumber} (plain or as Camunda's {@code {"value": …}}), and any
   * 18-character ID number anywhere in it (a ledger file, a form, a broken body).
   */
  public static void fromRequestBody(byte[] body) {
    if (body == null || body.length == 0) {
      return;
    }
    // ID numbers are ASCII: every encoding a test sends (UTF-8, GBK) keeps them readable.
    Matcher ids = ID_PATTERN.matcher(new String(body, StandardCharsets.ISO_8859_1));
    while (ids.find()) {
      idNumber(ids.group().toUpperCase());
    }
    try {
      fromJson(JSON.readTree(body));
    } catch (IOException notJson) {
      // not JSON: the ID numbers above are what it can tell
    }
    flush();
  }

  private static void fromJson(JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(PersonalData::fromJson);
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("child") && value.isObject()) {
        childName(text(value.get("name")));
      } else if (CHILD_NAME_FIELD.matcher(key).matches()) {
        childName(text(value));
      } else if (ID_NUMBER_FIELD.matcher(key).matches()) {
        idNumber(text(value));
      }
      fromJson(value);
    }
  }

  /** A plain value, or the value of a Camunda variable {@code {"value": …, "type": …}}. */
  private static String text(JsonNode value) {
    if (value != null && value.isObject()) {
      value = value.get("value");
    }
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static synchronized void record(String kind, String value) {
    if (value == null || value.isBlank() || hasControlCharacters(value)
        || !RECORDED.add(kind + "\t" + value)) {
      return;
    }
    try {
      writer().write(kind + "\t" + value + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static BufferedWriter writer() throws IOException {
    if (out == null) {
      Path folder = Path.of(System.getProperty("basedir", "."), "target", "privacy");
      Files.createDirectories(folder);
      out = Files.newBufferedWriter(
          folder.resolve("personal-data-" + ProcessHandle.current().pid() + ".txt"),
          StandardCharsets.UTF_8);
      Runtime.getRuntime().addShutdownHook(new Thread(PersonalData::flush));
    }
    return out;
  }

  private static boolean hasControlCharacters(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
