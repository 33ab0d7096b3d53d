package org.childprotection.intake;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.VariableValues;
import org.childprotection.registry.CaseBinding;
import org.childprotection.registry.Cases;
import org.springframework.stereotype.Component;

/** 分诊 done: the center's confirmed categories and urgency become the case's. */
@Component("triageListener")
public class TriageListener implements TaskListener {

  private final Cases cases;
  private final CaseBinding binding;

  public TriageListener(Cases cases, CaseBinding binding) {
    this.cases = cases;
    this.binding = binding;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = binding.caseOf(task).id();
    List<String> confirmed = VariableValues.strings(task.getVariable("confirmedCategories"));
    String categories = confirmed.isEmpty()
        ? (String) task.getVariable("categories") : String.join(",", confirmed);
    boolean urgent = Boolean.TRUE.equals(task.getVariable("urgent"));
    task.getExecution().setVariable("categories", categories);
    cases.updateTriage(caseId, categories, urgent);
  }
}
