package org.childprotection.guardianship;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.childprotection.engine.StepRefused;
import org.springframework.stereotype.Component;

/**
 * 会商纪要: the conference decides actions, each with what is to be done, who does it and by
 * when (SPEC 5.2). The form's list of actions arrives as JSON (a Camunda Form's dynamic list);
 * the check is here too because the form's own is the browser's.
 */
@Component("conferenceListener")
public class ConferenceListener implements TaskListener {

  static final String ACTIONS = "conferenceActions";
  private static final List<String> PARTS = List.of("actionTask", "actionOwner", "actionDueDate");

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> actions = actions(task.getVariable(ACTIONS));
    if (actions.isEmpty()) {
      throw new StepRefused(ACTIONS, "请至少记录一项会商决定的行动（事项、负责人、完成期限）");
    }
    for (Map<String, String> action : actions) {
      if (PARTS.stream().anyMatch(p -> action.getOrDefault(p, "").isBlank())) {
        throw new StepRefused(ACTIONS, "每项行动都须写明事项、负责人和完成期限");
      }
    }
  }

  private static List<Map<String, String>> actions(Object value) {
    List<Map<String, String>> actions = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode item : json.elements()) {
        Map<String, String> action = new HashMap<>();
        for (String part : PARTS) {
          action.put(part, item.hasProp(part) && !item.prop(part).isNull()
              ? item.prop(part).value().toString() : "");
        }
        actions.add(action);
      }
    }
    return actions;
  }
}
