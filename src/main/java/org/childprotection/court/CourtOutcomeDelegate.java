package org.childprotection.court;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.engine.VariableValues;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 登记判决结果: the judgment, whether it came through the API or was recorded by a court user in
 * Tasklist, is the registry's too. Writing it again is harmless.
 */
@Component("courtOutcomeDelegate")
public class CourtOutcomeDelegate implements JavaDelegate {

  private final CourtApplications applications;
  private final CaseBinding binding;

  public CourtOutcomeDelegate(CourtApplications applications, CaseBinding binding) {
    this.applications = applications;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    binding.caseOf(execution);
    applications.markRuled((String) execution.getVariable("applicationNumber"),
        (String) execution.getVariable("courtCaseNumber"),
        (String) execution.getVariable("rulingOutcome"),
        VariableValues.day(execution.getVariable("rulingDate")),
        (String) execution.getVariable("appointedGuardian"));
  }
}
