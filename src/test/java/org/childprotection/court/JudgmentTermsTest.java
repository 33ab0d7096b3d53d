package org.childprotection.court;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.childprotection.notification.NotificationTemplate;
import org.junit.jupiter.api.Test;

/**
 * For 撤销/恢复监护人资格 the court gives a judgment, 判决, not a 裁定 (SPEC 5.4, 民事诉讼法 特别程序;
 * a 人身安全保护令 is a 裁定, 反家庭暴力法 art 28): in the models, the forms, the messages and the
 * documents people read.
 */
class JudgmentTermsTest {

  /** Where 裁定 may stand: beside the protection order it is about. */
  private static final Pattern PROTECTION_ORDER =
      Pattern.compile("保护令|protection[ _]?order", Pattern.CASE_INSENSITIVE);
  private static final List<String> TEXT_FILES = List.of(".java", ".js", ".bpmn", ".dmn",
      ".json", ".md", ".yaml", ".html", ".properties", ".sql");

  @Test
  void theCourtDecidesOnGuardianshipByJudgmentNotByRuling() throws IOException {
    BpmnModelInstance court = Bpmn.readModelFromFile(Path.of(
        "processes/court-proceedings.bpmn").toFile());
    for (String element : List.of("awaitRuling", "recordRuling", "RulingOverdue",
        "OfflineRulingOverdue", "flagRulingOverdue", "flagOfflineRulingOverdue", "recordOutcome",
        "ruled")) {
      assertThat(court.<FlowElement>getModelElementById(element).getName()).as(element)
          .contains("判决");
    }
    BpmnModelInstance transfer = Bpmn.readModelFromFile(Path.of(
        "processes/guardianship-transfer.bpmn").toFile());
    assertThat(transfer.<FlowElement>getModelElementById("Gateway_Ruling").getName())
        .contains("判决");
    assertThat(transfer.<FlowElement>getModelElementById("appointGuardian").getName())
        .as("the court appoints, civil affairs carries it out").isEqualTo("执行判决：监护人与安置");
    assertThat(labels(Path.of("forms/court-ruling.form"))).contains("判决结果", "判决日期");
    assertThat(NotificationTemplate.COURT_RULING_OVERDUE.subject("NJ-2026-000001"))
        .contains("判决");

    assertThat(rulingsOutsideTheProtectionOrder()).isEmpty();
  }

  /** Every place that says 裁定 of something else than a protection order. */
  private static List<String> rulingsOutsideTheProtectionOrder() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main"), Path.of("processes"), Path.of("docs"),
        Path.of("README.md"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(JudgmentTermsTest::isText).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("裁定") && !PROTECTION_ORDER.matcher(lines.get(i)).find()) {
              found.add(file + ":" + (i + 1));
            }
          }
        }
      }
    }
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        // The forms of the protection order's own steps (复议, 延长) speak of its 裁定 throughout.
        if (!PROTECTION_ORDER.matcher(Files.readString(form)).find()) {
          collectRulings(new ObjectMapper().readTree(form.toFile()), form, found);
        }
      }
    }
    return found;
  }

  /** A field of a form outside the protection order that says 裁定 must be one of its fields. */
  private static void collectRulings(JsonNode node, Path form, List<String> found) {
    if (node.isObject()) {
      boolean says = Stream.of("label", "dateLabel", "description", "text")
          .anyMatch(name -> node.path(name).asText().contains("裁定"));
      if (says && !node.path("key").asText().startsWith("protectionOrder")) {
        found.add(form + ": " + node.path("id").asText());
      }
    }
    node.forEach(child -> collectRulings(child, form, found));
  }

  private static List<String> labels(Path form) throws IOException {
    JsonNode tree = new ObjectMapper().readTree(form.toFile());
    List<String> labels = new ArrayList<>();
    for (String name : List.of("label", "dateLabel")) {
      tree.findValues(name).forEach(value -> labels.add(value.asText()));
    }
    return labels;
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && TEXT_FILES.stream().anyMatch(name::endsWith);
  }
}
