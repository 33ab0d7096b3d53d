package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.GUARDIAN_TYPE;
import static org.childprotection.process.ProcessVariables.JUDGMENT_NUMBER;
import static org.childprotection.process.ProcessVariables.NEW_GUARDIAN_NAME;
import static org.childprotection.process.ProcessVariables.PARENT_CONTACT;
import static org.childprotection.process.ProcessVariables.PLACEMENT;
import static org.childprotection.process.ProcessVariables.PLACEMENT_CHILD_VIEW;
import static org.childprotection.process.ProcessVariables.PLACEMENT_INSTITUTION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 执行判决：监护人与安置. When civil-affairs has carried out the judgment, the new guardian and
 * the 安置方案 go into the registry, as this procedure's; when a restoration judgment comes, the
 * guardianship it appointed ends (民法典 art 38).
 */
@Component("placementListener")
public class PlacementListener implements TaskListener, ExecutionListener {

  private final Measures measures;
  private final CaseBinding binding;

  public PlacementListener(Measures measures, CaseBinding binding) {
    this.measures = measures;
    this.binding = binding;
  }

  /** The placement decided (the task of carrying out the judgment completed). */
  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    measures.place(new Measures.Plan(binding.caseOf(task).id(), task.getProcessInstanceId(),
        variables.get(GUARDIAN_TYPE), variables.get(PLACEMENT), variables.get(NEW_GUARDIAN_NAME),
        variables.get(JUDGMENT_NUMBER), variables.get(PLACEMENT_INSTITUTION),
        variables.get(PARENT_CONTACT), variables.get(PLACEMENT_CHILD_VIEW), task.getAssignee()));
  }

  /** The guardianship restored (the hand-back begins): the appointment ends. */
  @Override
  public void notify(DelegateExecution execution) {
    measures.endPlacements(binding.caseOf(execution).id(), execution.getProcessInstanceId());
  }
}
