package org.childprotection.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The note-like fields of the task forms (what a worker wrote, as opposed to ticks and choices),
 * with their labels and the labels of the forms' options, read from the forms the app deploys
 * ({@code forms/*.form}). A task's form is the one its model names ({@code camunda:formRef}).
 */
@Component
public class FormNotes {

  /** The note-like keys of every form: the one list of them. */
  public static final List<String> NOTE_KEYS = List.of("triageNote", "assignedOrganisation",
      "assessmentNote", "safetyPlan", "reviewNote", "referralAction", "referralFeedback",
      "guidance", "visitNote", "closureNote", "policeNote", "policeCaseNumber", "careNote",
      "newReportNote", "measureNote", "conferenceNote", "investigationFindings", "decisionNote",
      "guidancePlan", "procuratorateNote", "protectionOrderNote", "custodyNote",
      "custodyReviewNote", "rulingNote", "newGuardianName", "maintenanceNote",
      "placementVisitNote", "adoptionNote", "restorationNote", "restorationFollowUpPlan",
      "monitoringNote", "handoverNote", "destination", "evidenceList", "firstContactNote",
      "immediateSafetyPlan", "redisposalNote",
      "protectionOrderRequestNote", "protectionOrderServiceNote", "reconsiderationReason",
      "reconsiderationNote", "extensionNote", "extensionDecisionNote", "custodyDecisionNote",
      "familySituation", "guardianshipCapacity", "investigationChildView",
      "investigationEvidence", "conferenceAttendees", "conferenceDecisions",
      "conferenceActions",
      "measureRequestNote", "measureVisitNote", "parentContact", "placementChildView",
      "restorationEvidence", "restorationChildWishes");

  /** One field of a form: its label and its options' labels by value. */
  public record Field(String key, String label, Map<String, String> options) {}

  private final RepositoryService repository;
  private final Map<String, Map<String, Field>> formsById = new HashMap<>();

  public FormNotes(RepositoryService repository) {
    this.repository = repository;
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver()
          .getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = json.readTree(in);
          Map<String, Field> fields = new LinkedHashMap<>();
          collect(root, fields);
          formsById.put(root.path("id").asText(), fields);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode node, Map<String, Field> fields) {
    if (node.has("key") && node.get("key").isTextual()) {
      Map<String, String> options = new LinkedHashMap<>();
      node.path("values").forEach(v -> options.put(v.path("value").asText(),
          v.path("label").asText()));
      String label = node.hasNonNull("label") ? node.get("label").asText()
          : node.path("dateLabel").asText(null);
      fields.put(node.get("key").asText(), new Field(node.get("key").asText(), label, options));
    }
    node.path("components").forEach(child -> collect(child, fields));
  }

  /** The form a task of this process definition uses, or null. */
  public String formOf(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return null;
    }
    var element = repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementById(taskDefinitionKey);
    return element instanceof UserTask task ? task.getCamundaFormRef() : null;
  }

  /** The note-like fields of a form, in the form's order. */
  public List<Field> notesOf(String formId) {
    Map<String, Field> fields = formsById.getOrDefault(formId, Map.of());
    return fields.values().stream().filter(f -> NOTE_KEYS.contains(f.key())).toList();
  }

  /** The label a form gives to a value of one of its option fields, or the value itself. */
  public String optionLabel(String formId, String key, String value) {
    Field field = formsById.getOrDefault(formId, Map.of()).get(key);
    return field == null ? value : field.options().getOrDefault(value, value);
  }
}
