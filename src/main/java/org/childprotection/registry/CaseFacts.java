package org.childprotection.registry;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.childprotection.config.PlatformIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Facts about a case in the words a worker reads: names for codes, where the child is now. */
@Component
public class CaseFacts {

  static final String AT_HOME = "家中（现住址）";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final IdentityService identity;
  private final FormNotes forms;

  public CaseFacts(JdbcClient jdbc, HistoryService history, IdentityService identity,
      FormNotes forms) {
    this.jdbc = jdbc;
    this.history = history;
    this.identity = identity;
    this.forms = forms;
  }

  public static List<TaskContext.Code> categories(String codes) {
    if (codes == null || codes.isBlank()) {
      return List.of();
    }
    return Arrays.stream(codes.split(",")).map(String::trim).filter(c -> !c.isEmpty())
        .map(c -> new TaskContext.Code(c, Vocabulary.category(c)))
        .toList();
  }

  /** The reasons of the case's latest scoring, one per entry. */
  public List<String> riskReasons(long caseId) {
    return jdbc.sql("SELECT reasons FROM assessment WHERE case_id = ? "
            + "ORDER BY assessed_at DESC, id DESC").param(caseId).query(String.class).list()
        .stream().findFirst()
        .map(r -> Arrays.stream(r.split("；")).map(String::trim).filter(s -> !s.isEmpty())
            .toList())
        .orElse(List.of());
  }

  /**
   * Where the child is now: the placement after a ruling, else temporary custody or care as
   * recorded in the case's instances, else at home. A unit sees the place, not the notes.
   */
  public String whereNow(Cases.Case found, boolean withNotes) {
    Optional<String> placement = jdbc.sql("SELECT placement FROM guardianship_placement "
            + "WHERE case_id = ? AND ended_at IS NULL ORDER BY decided_at DESC, id DESC")
        .param(found.id())
        .query(String.class).list().stream().findFirst();
    if (placement.isPresent()) {
      return "安置：" + Vocabulary.placement(placement.get());
    }
    if (found.processInstanceId() == null) {
      return AT_HOME;
    }
    Map<String, HistoricVariableInstance> vars = PlatformIdentity.asPlatform(identity, () -> {
      Map<String, HistoricVariableInstance> byName = new HashMap<>();
      history.createHistoricVariableInstanceQuery()
          .variableNameIn("custodyPlace", "custodyNote", "carePlace", "careNote")
          .processInstanceIdIn(familyOf(found.processInstanceId()).toArray(String[]::new))
          .list().stream()
          .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
          .forEach(v -> byName.put(v.getName(), v));
      return byName;
    });
    if (vars.containsKey("custodyPlace")) {
      return place("临时监护", "temporary-custody", "custodyPlace", vars.get("custodyPlace"),
          withNotes ? vars.get("custodyNote") : null);
    }
    if (vars.containsKey("carePlace")) {
      return place("临时照料", "temporary-care", "carePlace", vars.get("carePlace"),
          withNotes ? vars.get("careNote") : null);
    }
    return AT_HOME;
  }

  private String place(String kind, String form, String key, HistoricVariableInstance place,
      HistoricVariableInstance note) {
    String text = kind + "：" + forms.optionLabel(form, key, String.valueOf(place.getValue()));
    if (note != null && note.getValue() != null && !note.getValue().toString().isBlank()) {
      text += "（" + note.getValue() + "）";
    }
    return text;
  }

  /** The case's instance and every instance it called, by the engine's root instance id. */
  public List<String> familyOf(String rootInstanceId) {
    return PlatformIdentity.asPlatform(identity, () ->
        history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootInstanceId)
            .list().stream().map(h -> h.getId()).toList());
  }

  /** A user's name as Admin shows it, or the id when the user is unknown. */
  public String userName(String userId) {
    if (userId == null) {
      return null;
    }
    return userNames(List.of(userId)).getOrDefault(userId, userId);
  }

  public Map<String, String> userNames(List<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    PlatformIdentity.asPlatform(identity, () -> {
      for (User user : identity.createUserQuery()
          .userIdIn(userIds.stream().distinct().toArray(String[]::new)).list()) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName())
            + (user.getLastName() == null ? "" : user.getLastName())).trim();
        names.put(user.getId(), name.isEmpty() ? user.getId() : name);
      }
      return null;
    });
    return names;
  }
}
