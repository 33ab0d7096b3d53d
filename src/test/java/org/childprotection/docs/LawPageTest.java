package org.childprotection.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The law's page ({@code docs/law.md}) cannot drift from what carries the law: every rule of
 * SPEC 4a, 5 and 11 has its row, and everything a row names (a BPMN element of a process, a DMN
 * decision, a configuration key, a form field, a Java class or member, a test method, a file)
 * exists. When a model, key or test is renamed or removed, this test names the row to correct.
 *
 * <p>Rows are the lines of the tables headed {@code | id | …} whose first cell is a rule id in
 * backticks:
 * {@code | `id` | issue 17 item(s) | rule | source | carried by | proved by |}. References are
 * backticked {@code kind:target} tokens, see {@link Reference}.
 */
@Tag("no-database")
class LawPageTest {

  static final Path PAGE = Path.of("docs/law.md");

  /**
   * Every rule of SPEC 4a, 5 (0 to 6) and 11, and the steps of section 4 they lean on (the RED
   * conference, the referral plan, entering the procedure from the assessment): each must have
   * its row on the page.
   */
  static final List<String> SPEC_RULES = List.of(
      // Intake and emergency: SPEC 5.0, 5.1 (the police)
      "5.0-emergency-from-intake", "5.0-emergency-at-triage", "5.0-police-task-facts",
      "5.0-police-due-and-escalated", "5.0-police-does-not-block", "5.0-mandatory-report-later",
      "5.1-police-response",
      // Assessment and levels: SPEC 4a
      "4a-overrides", "4a-article-21", "4a-points", "4a-thresholds", "4a-reasons",
      "4a-first-contact", "4a-safety-plan", "4a-assessment-due", "4a-visits", "4a-rescore",
      "4a-step-down", "4a-numbers-in-configuration",
      // Disposal: SPEC 4 steps 4 to 6, where 4a and 5 meet the case
      "4-red-conference", "4-referral-plan", "4-procedure-from-assessment",
      "4-worsening-reenters-disposal",
      // The guardianship procedure: SPEC 5.1 to 5.3
      "5.1-custody-review", "5.1-custody-limit-warning", "5.1-custody-continue-decides",
      "5.1-intake-care-is-custody", "5.1-order-applicants", "5.1-order-decision-time",
      "5.1-order-record", "5.1-order-duration", "5.1-order-expiry-reminder", "5.1-order-review",
      "5.2-investigation-team", "5.2-investigation-limits", "5.2-investigation-report",
      "5.2-conference-minutes", "5.2-measures-by-authority", "5.2-refuses-to-change",
      "5.3-decision-by-civil-affairs", "5.3-grounds", "5.3-applicants", "5.3-procuratorate",
      // Court: SPEC 5.4
      "5.4-hand-off", "5.4-acceptance-and-judgment-correlated", "5.4-judgment-not-ruling",
      "5.4-thirty-days-from-acceptance", "5.4-acceptance-date-checked",
      "5.4-overdue-flagged-not-assumed", "5.4-only-the-court-records",
      // Restoration and adoption: SPEC 5.5, 5.6
      "5.5-court-appoints", "5.5-placement", "5.5-placement-visits", "5.5-maintenance",
      "5.5-adoption-only-civil-affairs", "5.5-adoption-from-judgment-date",
      "5.5-adoption-exception-switch", "5.5-dismissed-monitoring", "5.5-new-procedure",
      "5.6-who-may-apply", "5.6-court-decides", "5.6-window-and-bars-as-opinion",
      "5.6-restoration-ends-appointment",
      // Working days: SPEC 11
      "11-state-council-calendar", "11-working-day-limits", "11-calendar-as-data",
      "11-missing-year-said");

  /** Issue 17's items and the rules that answer each; their rows name the item. */
  static final Map<Integer, List<String>> ISSUE_17 = new TreeMap<>(Map.ofEntries(
      Map.entry(1, List.of("5.6-who-may-apply", "5.6-court-decides",
          "5.6-window-and-bars-as-opinion")),
      Map.entry(2, List.of("5.5-adoption-only-civil-affairs", "5.5-adoption-from-judgment-date",
          "5.5-placement-visits", "5.6-restoration-ends-appointment")),
      Map.entry(3, List.of("5.2-measures-by-authority", "5.3-decision-by-civil-affairs")),
      Map.entry(4, List.of("5.4-judgment-not-ruling", "5.5-court-appoints")),
      Map.entry(5, List.of("5.0-emergency-from-intake", "5.0-emergency-at-triage",
          "5.0-police-due-and-escalated", "5.0-police-does-not-block")),
      Map.entry(6, List.of("5.0-mandatory-report-later")),
      Map.entry(7, List.of("4a-first-contact", "4a-safety-plan", "4a-assessment-due",
          "4a-rescore", "4a-step-down")),
      Map.entry(8, List.of("5.5-new-procedure")),
      Map.entry(9, List.of("5.1-custody-review", "5.1-custody-limit-warning",
          "5.1-custody-continue-decides", "5.1-intake-care-is-custody")),
      Map.entry(10, List.of("5.1-order-applicants", "5.1-order-record",
          "5.1-order-expiry-reminder", "5.1-order-review")),
      Map.entry(11, List.of("5.4-thirty-days-from-acceptance")),
      Map.entry(12, List.of("5.2-investigation-report", "5.2-conference-minutes",
          "5.3-grounds", "5.3-applicants", "5.5-placement")),
      Map.entry(13, List.of("11-state-council-calendar", "11-working-day-limits",
          "11-calendar-as-data", "11-missing-year-said"))));

  private static final Pattern RULE_TABLE_HEADER = Pattern.compile("^\\|\\s*id\\s*\\|");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]*)`\\s*\\|");
  private static final Pattern RULE_ID = Pattern.compile("[0-9a-z]+(\\.[0-9])?(-[a-z0-9]+)+");
  private static final Pattern TOKEN = Pattern.compile("`([^`]+)`");
  private static final Pattern SOURCE_MARK = Pattern.compile("\\[(law|policy)]");
  private static final String NO_TEST = "no test yet";
  private static final String NO_CARRIER = "nothing yet";

  /** A rule's row; {@code line} counts from 1. */
  record Row(int line, String id, String issue, String rule, String source, String carriers,
      String tests) {

    String where() {
      return PAGE + ":" + line + " (" + id + ")";
    }
  }

  /**
   * A name in a row, written {@code kind:target}: {@code bpmn:<process key>:<element id>},
   * {@code dmn:<decision id>[:<element id>]}, {@code config:<key>} (a key or a section of
   * application.yaml), {@code form:<form id>[#<field key>]}, {@code java:<Class>[#<member>]} and
   * {@code test:<Class>#<method>} (a simple name found once under src/main/java resp.
   * src/test/java, or a fully qualified one), {@code file:<path>}.
   */
  record Reference(String kind, String target) {

    static final Set<String> KINDS = Set.of("bpmn", "dmn", "config", "form", "java", "test",
        "file");

    static Optional<Reference> parse(String token) {
      int colon = token.indexOf(':');
      if (colon < 1 || !KINDS.contains(token.substring(0, colon))) {
        return Optional.empty();
      }
      return Optional.of(new Reference(token.substring(0, colon), token.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return kind + ":" + target;
    }
  }

  private static List<Row> rows;
  private static Map<String, Set<String>> processElements;
  private static Map<String, Set<String>> decisionElements;
  private static Map<String, Set<String>> formFields;
  private static Set<String> configurationKeys;

  @BeforeAll
  static void read() throws Exception {
    rows = rows(Files.readAllLines(PAGE));
    processElements = elements("bpmn", "process");
    decisionElements = elements("dmn", "decision");
    formFields = formFields();
    configurationKeys = configurationKeys();
  }

  @Test
  void everyRuleOfTheSpecHasOneRow() {
    Map<String, Long> counts = new HashMap<>();
    rows.forEach(row -> counts.merge(row.id(), 1L, Long::sum));

    assertThat(SPEC_RULES.stream().filter(id -> !counts.containsKey(id)))
        .as("rules of SPEC 4a, 5 and 11 without a row in " + PAGE).isEmpty();
    assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
        .as("rule ids with more than one row").isEmpty();
    assertThat(rows.stream().filter(row -> !RULE_ID.matcher(row.id()).matches())
        .map(Row::where)).as("rule ids are written like 5.1-order-review").isEmpty();
  }

  @Test
  void eachItemOfIssue17HasItsRulesAndTheirRowsNameTheItem() {
    Map<String, Row> byId = new HashMap<>();
    rows.forEach(row -> byId.put(row.id(), row));
    List<String> problems = new ArrayList<>();
    ISSUE_17.forEach((item, ids) -> ids.forEach(id -> {
      Row row = byId.get(id);
      if (row == null) {
        problems.add("issue 17 item " + item + ": no row " + id);
      } else if (!items(row.issue()).contains(item)) {
        problems.add(row.where() + ": its issue cell does not name item " + item);
      }
    }));
    assertThat(problems).isEmpty();
    assertThat(ISSUE_17.keySet()).as("every item of issue 17").containsExactlyElementsOf(
        Stream.iterate(1, i -> i + 1).limit(13).toList());
  }

  @Test
  void everyRowSaysItsSourceWhatCarriesItAndWhatProvesIt() {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      if (row.rule().isBlank()) {
        problems.add(row.where() + ": no rule");
      }
      if (!SOURCE_MARK.matcher(row.source()).find()) {
        problems.add(row.where() + ": the source is marked neither [law] nor [policy]");
      }
      if (references(row.carriers()).isEmpty() && !row.carriers().contains(NO_CARRIER)) {
        problems.add(row.where() + ": nothing carries it (name it, or say \"" + NO_CARRIER
            + "\")");
      }
      if (references(row.tests()).isEmpty() && !row.tests().contains(NO_TEST)) {
        problems.add(row.where() + ": no test (name it, or say \"" + NO_TEST + "\")");
      }
      for (String token : tokens(row.carriers())) {
        Optional<Reference> reference = Reference.parse(token);
        if (reference.isEmpty() || reference.get().kind().equals("test")) {
          problems.add(row.where() + ": `" + token + "` in \"carried by\" is not one of "
              + "bpmn:, dmn:, config:, form:, java:, file:");
        }
      }
      for (String token : tokens(row.tests())) {
        Optional<Reference> reference = Reference.parse(token);
        if (reference.isEmpty() || !reference.get().kind().equals("test")) {
          problems.add(row.where() + ": `" + token + "` in \"proved by\" is not a test:");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyModelElementTheRowsNameIsInItsModel() {
    assertThat(problems(Set.of("bpmn", "dmn"), this::modelProblem)).isEmpty();
  }

  @Test
  void everyConfigurationKeyTheRowsNameIsInTheConfiguration() {
    assertThat(problems(Set.of("config"), this::configurationProblem)).isEmpty();
  }

  @Test
  void everyFormFieldTheRowsNameIsOnItsForm() {
    assertThat(problems(Set.of("form"), this::formProblem)).isEmpty();
  }

  @Test
  void everyClassAndTestTheRowsNameExists() {
    assertThat(problems(Set.of("java", "test"), this::codeProblem)).isEmpty();
  }

  @Test
  void everyFileTheRowsNameExists() {
    assertThat(problems(Set.of("file"), reference -> Files.isRegularFile(
        Path.of(reference.target())) ? null : "no such file")).isEmpty();
  }

  // --- resolving references -------------------------------------------------------------

  /** Why a reference does not resolve, or null when it does. */
  private interface Check {
    String problem(Reference reference);
  }

  private static List<String> problems(Set<String> kinds, Check check) {
    List<String> problems = new ArrayList<>();
    for (Row row : rows) {
      for (String token : tokens(row.carriers() + " " + row.tests())) {
        Reference.parse(token).filter(r -> kinds.contains(r.kind())).ifPresent(reference -> {
          String problem = check.problem(reference);
          if (problem != null) {
            problems.add(row.where() + ": `" + reference + "`: " + problem);
          }
        });
      }
    }
    return problems;
  }

  private String modelProblem(Reference reference) {
    Map<String, Set<String>> models =
        reference.kind().equals("bpmn") ? processElements : decisionElements;
    String[] parts = reference.target().split(":", 2);
    Set<String> ids = models.get(parts[0]);
    if (ids == null) {
      return "no " + reference.kind() + " model has the key " + parts[0] + " (keys: "
          + new TreeMap<>(models).keySet() + ")";
    }
    if (parts.length == 1) {
      return reference.kind().equals("bpmn") ? "name an element: bpmn:<process>:<element id>"
          : null;
    }
    return ids.contains(parts[1]) ? null : "no element " + parts[1] + " in " + parts[0];
  }

  private String configurationProblem(Reference reference) {
    String key = reference.target();
    boolean found = configurationKeys.stream().anyMatch(k -> k.equals(key)
        || k.startsWith(key + ".") || k.startsWith(key + "["));
    return found ? null : "not in src/main/resources/application.yaml";
  }

  private String formProblem(Reference reference) {
    String[] parts = reference.target().split("#", 2);
    Set<String> fields = formFields.get(parts[0]);
    if (fields == null) {
      return "no form with the id " + parts[0] + " in forms/";
    }
    return parts.length == 1 || fields.contains(parts[1]) ? null
        : "no field " + parts[1] + " on the form " + parts[0];
  }

  private String codeProblem(Reference reference) {
    boolean test = reference.kind().equals("test");
    String[] parts = reference.target().split("#", 2);
    if (test && parts.length == 1) {
      return "name the test method: test:<Class>#<method>";
    }
    Class<?> type;
    try {
      type = type(parts[0], Path.of(test ? "src/test/java" : "src/main/java"));
    } catch (IllegalArgumentException | IOException | ClassNotFoundException e) {
      return e.getMessage();
    }
    if (parts.length == 1) {
      return null;
    }
    List<AnnotatedElement> members = members(type, parts[1]);
    if (members.isEmpty()) {
      return "no member " + parts[1] + " in " + type.getName();
    }
    if (test && members.stream().noneMatch(LawPageTest::isTest)) {
      return parts[1] + " in " + type.getName() + " is not a test";
    }
    return null;
  }

  /** A class by its simple name (found once under the root) or its fully qualified name. */
  private static Class<?> type(String name, Path root) throws IOException, ClassNotFoundException {
    String qualified = name;
    if (!name.contains(".")) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.getFileName().toString().equals(name + ".java")).toList();
      }
      if (files.size() != 1) {
        throw new IllegalArgumentException((files.isEmpty() ? "no class " : "several classes ")
            + name + " under " + root + (files.isEmpty() ? "" : ": qualify it " + files));
      }
      String relative = root.relativize(files.get(0)).toString();
      qualified = relative.substring(0, relative.length() - ".java".length())
          .replace(java.io.File.separatorChar, '.');
    }
    try {
      return Class.forName(qualified, false, LawPageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ClassNotFoundException("no class " + qualified + " on the classpath");
    }
  }

  /** Methods and fields (enum constants, constants) of the class and its superclasses. */
  private static List<AnnotatedElement> members(Class<?> type, String name) {
    List<AnnotatedElement> found = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name))
          .forEach(found::add);
      Arrays.stream(c.getDeclaredFields()).filter(f -> f.getName().equals(name))
          .forEach(found::add);
    }
    return found;
  }

  private static boolean isTest(AnnotatedElement member) {
    return member instanceof Method method && Arrays.stream(method.getAnnotations())
        .map(a -> a.annotationType().getName())
        .anyMatch(name -> name.startsWith("org.junit.jupiter.") && Set.of("Test",
            "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate")
            .contains(name.substring(name.lastIndexOf('.') + 1)));
  }

  // --- reading the page and the models ---------------------------------------------------

  /** The rows of the tables whose header begins with "| id |". */
  static List<Row> rows(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    boolean inRuleTable = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("|")) {
        inRuleTable = false;
        continue;
      }
      if (RULE_TABLE_HEADER.matcher(line).find()) {
        inRuleTable = true;
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (!inRuleTable || !row.find()) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
          .split("\\|", -1);
      if (cells.length != 6) {
        throw new IllegalStateException(PAGE + ":" + (i + 1) + ": a rule's row has 6 cells "
            + "(id, issue 17, rule, source, carried by, proved by), this one " + cells.length);
      }
      rows.add(new Row(i + 1, row.group(1).strip(), cells[1].strip(), cells[2].strip(),
          cells[3].strip(), cells[4].strip(), cells[5].strip()));
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException(PAGE + " has no rule rows");
    }
    return rows;
  }

  private static List<String> tokens(String cell) {
    List<String> tokens = new ArrayList<>();
    Matcher token = TOKEN.matcher(cell);
    while (token.find()) {
      tokens.add(token.group(1).strip());
    }
    return tokens;
  }

  private static List<Reference> references(String cell) {
    return tokens(cell).stream().map(Reference::parse).flatMap(Optional::stream).toList();
  }

  /** The item numbers in an issue cell such as "5, 9". */
  private static Set<Integer> items(String cell) {
    Set<Integer> items = new HashSet<>();
    Matcher number = Pattern.compile("\\d+").matcher(cell);
    while (number.find()) {
      items.add(Integer.parseInt(number.group()));
    }
    return items;
  }

  /**
   * The ids of every element inside each process (BPMN) or decision (DMN) of processes/, by
   * the process's or decision's id.
   */
  private static Map<String, Set<String>> elements(String extension, String container)
      throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Map<String, Set<String>> elements = new LinkedHashMap<>();
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
    }
    for (Path model : models) {
      NodeList containers = factory.newDocumentBuilder().parse(model.toFile())
          .getElementsByTagNameNS("*", container);
      for (int i = 0; i < containers.getLength(); i++) {
        Element top = (Element) containers.item(i);
        Set<String> ids = new HashSet<>();
        NodeList inside = top.getElementsByTagNameNS("*", "*");
        for (int j = 0; j < inside.getLength(); j++) {
          String id = ((Element) inside.item(j)).getAttribute("id");
          if (!id.isEmpty()) {
            ids.add(id);
          }
        }
        elements.put(top.getAttribute("id"), ids);
      }
    }
    return elements;
  }

  /** The field keys of every form in forms/, by the form's id (what formRef names). */
  private static Map<String, Set<String>> formFields() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> forms = new HashMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("forms"))) {
      files = list.filter(p -> p.toString().endsWith(".form")).toList();
    }
    for (Path file : files) {
      JsonNode form = json.readTree(file.toFile());
      Set<String> keys = new HashSet<>();
      collectKeys(form, keys);
      forms.put(form.path("id").asText(), keys);
    }
    return forms;
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  /** application.yaml's keys, flattened as Spring reads them (lists as key[0]). */
  private static Set<String> configurationKeys() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource("src/main/resources/application.yaml"));
    // keySet, not stringPropertyNames: numbers and booleans stay numbers and booleans here.
    Set<String> keys = new HashSet<>();
    yaml.getObject().keySet().forEach(key -> keys.add(key.toString()));
    return keys;
  }
}
