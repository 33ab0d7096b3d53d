package org.childprotection.court;

import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.EVIDENCE_LIST;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 移送法院: the case's application goes to the court's system ({@link CourtHandOff}). The step
 * is an asynchronous job: a court that does not answer 2xx makes it retry and, in the end, an
 * incident in Cockpit.
 */
@Component("courtHandOffDelegate")
public class CourtHandOffDelegate implements JavaDelegate {

  private final CourtHandOff handOff;
  private final CaseBinding binding;

  public CourtHandOffDelegate(CourtHandOff handOff, CaseBinding binding) {
    this.handOff = handOff;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    handOff.send(binding.caseOf(execution), variables.get(APPLICATION_NUMBER),
        variables.get(EVIDENCE_LIST));
  }
}
