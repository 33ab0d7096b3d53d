package org.childprotection.guardianship;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/** 指定监护人与安置 done: the new guardian and the placement go into the registry. */
@Component("placementListener")
public class PlacementListener implements TaskListener {

  private final Measures measures;
  private final CaseBinding binding;

  public PlacementListener(Measures measures, CaseBinding binding) {
    this.measures = measures;
    this.binding = binding;
  }

  @Override
  public void notify(DelegateTask task) {
    measures.place(binding.caseOf(task).id(),
        (String) task.getVariable("guardianType"), (String) task.getVariable("placement"),
        (String) task.getVariable("newGuardianName"), task.getAssignee());
  }
}
