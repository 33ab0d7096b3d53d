package org.childprotection.engine;

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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What an analyst changes in Camunda Modeler still finds its Java: every delegate, listener and
 * helper bean a model or an element template names exists in the running app.
 */
class ModelBeansTest extends PlatformTest {

  /** Identifiers followed by a dot that are not beans: the engine's and process variables. */
  private static final Set<String> NOT_BEANS = Set.of("execution", "task", "referralUnits");
  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{[^}]*?\\b([a-zA-Z]\\w*)\\.");
  /** Variables a model sets: input/output mappings, result variables, loop element variables. */
  private static final Pattern MODEL_VARIABLE = Pattern.compile(
      "(?:Parameter name|resultVariable|elementVariable|outputName|name)=\"(\\w+)\"");
  /** Variables the Java code sets by name or declares in ProcessVariables. */
  private static final Pattern JAVA_VARIABLE = Pattern.compile(
      "(?:setVariable|setVariableLocal|variables\\.put|putValue"
          + "|text|flag|count|id|day|time|moment|list|code)\\(\"(\\w+)\"");

  @Autowired
  ApplicationContext context;

  @Test
  void everyBeanTheModelsNameExists() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model);
        collect(DELEGATE, xml, named);
        Matcher calls = BEAN_CALL.matcher(xml);
        while (calls.find()) {
          if (!NOT_BEANS.contains(calls.group(1))) {
            named.add(calls.group(1));
          }
        }
      }
    }
    assertThat(named).contains("notificationDelegate", "assessmentDelegate", "deadlines",
        "courtHandOffDelegate", "guardianshipDeadlines");
    List<String> missing = named.stream().filter(n -> !context.containsBean(n)).toList();
    assertThat(missing).isEmpty();
  }

  @Test
  void everyElementTemplateNamesAnExistingDelegate() throws IOException {
    JsonNode templates = new ObjectMapper().readTree(
        Path.of("processes/.camunda/element-templates/minor-protection.json").toFile());
    List<String> delegates = new ArrayList<>();
    for (JsonNode template : templates) {
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.get("binding");
        if ("camunda:delegateExpression".equals(binding.get("name").asText())) {
          delegates.add(property.get("value").asText().replaceAll("[${}]", ""));
        }
      }
    }
    assertThat(delegates).hasSize(templates.size());
    assertThat(delegates).allSatisfy(d -> assertThat(context.containsBean(d)).as(d).isTrue());
  }

  /**
   * Expressions find the platform's beans before variables (PlatformExpressionManager), so no
   * variable may be named like one: form fields, the models' variables and those the Java code
   * sets.
   */
  @Test
  void noVariableIsNamedLikeAPlatformBean() throws IOException {
    Set<String> variables = new TreeSet<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        new ObjectMapper().readTree(form.toFile()).findValues("key")
            .forEach(key -> variables.add(key.asText()));
      }
    }
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().matches(".*\\.(bpmn|dmn)")).toList()) {
        collect(MODEL_VARIABLE, Files.readString(model), variables);
      }
    }
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        collect(JAVA_VARIABLE, Files.readString(source), variables);
      }
    }
    assertThat(variables).contains("triageOutcome", "caseNumber", "closureReason", "referralUnits");

    Set<String> beans = PlatformExpressionManager.platformBeanNames(context);
    assertThat(beans).contains("notificationDelegate", "deadlines", "cases");
    assertThat(variables).doesNotContainAnyElementsOf(beans);
  }

  @Test
  void aVariableNamedLikeABeanDoesNotStandInForIt() {
    String key = "beansFirstProbe";
    engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
            .serviceTask().camundaExpression("${deadlines.getClass().getSimpleName()}")
            .camundaResultVariable("resolved")
            .userTask().endEvent().done()).deploy();
    String instance = engine.getRuntimeService()
        .startProcessInstanceByKey(key, Map.of("deadlines", "a form value", "district", "gulou"))
        .getId();

    assertThat(engine.getRuntimeService().getVariable(instance, "resolved"))
        .isEqualTo("Deadlines");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getExpressionManager()).isInstanceOf(PlatformExpressionManager.class);
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }
}
