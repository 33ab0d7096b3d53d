package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.CONFERENCE_ACTIONS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 会商纪要: the conference decides actions, each with what is to be done, who does it and by
 * when (SPEC 5.2): one a line, "事项｜负责人｜完成期限". A list of their own would be Camunda Forms'
 * dynamic list, which Tasklist 7.24 cannot complete (it counts the list's empty error entries as
 * errors and keeps 完成 disabled), so the form has a text area and the check is here.
 */
@Component("conferenceListener")
public class ConferenceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String value = StepVariables.of(task).get(CONFERENCE_ACTIONS);
    List<String> lines = value == null ? List.of() : Arrays.stream(value.split("\\R"))
        .map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.isEmpty()) {
      throw new StepRefused(CONFERENCE_ACTIONS.name(), "请至少记录一项会商决定的行动（事项｜负责人｜完成期限）");
    }
    for (String line : lines) {
      String[] parts = line.split("[｜|]");
      if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)
          || !isDate(parts[2].strip())) {
        throw new StepRefused(CONFERENCE_ACTIONS.name(), "每行写一项行动：事项｜负责人｜完成期限（年-月-日，如 2026-12-31）");
      }
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
