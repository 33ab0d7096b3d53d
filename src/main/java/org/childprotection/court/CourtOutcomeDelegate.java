package org.childprotection.court;

import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.APPOINTED_GUARDIAN;
import static org.childprotection.process.ProcessVariables.COURT_CASE_NUMBER;
import static org.childprotection.process.ProcessVariables.RULING_DATE;
import static org.childprotection.process.ProcessVariables.RULING_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.process.StepVariables;
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
    StepVariables variables = StepVariables.of(execution);
    applications.markRuled(variables.get(APPLICATION_NUMBER), variables.get(COURT_CASE_NUMBER),
        variables.get(RULING_OUTCOME), variables.get(RULING_DATE),
        variables.get(APPOINTED_GUARDIAN));
  }
}
