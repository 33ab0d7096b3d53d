package org.childprotection.court;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 登记裁定结果: the ruling, whether it came through the API or was recorded by a court user in
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
    Object rulingDate = execution.getVariable("rulingDate");
    applications.markRuled((String) execution.getVariable("applicationNumber"),
        (String) execution.getVariable("courtCaseNumber"),
        (String) execution.getVariable("rulingOutcome"),
        rulingDate == null ? null : LocalDate.parse(rulingDate.toString().substring(0, 10)),
        (String) execution.getVariable("appointedGuardian"));
  }
}
