package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.CUSTODY_SINCE;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 临时监护 begins: its review, warning and decision run from the day care began, which is today
 * unless the case handed in the day its 临时照料 began at intake.
 */
@Component("custodyStart")
public class CustodyStart implements ExecutionListener {

  private final Clock clock;

  public CustodyStart(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    if (!variables.has(CUSTODY_SINCE)) {
      variables.setOnInstance(CUSTODY_SINCE, LocalDate.now(clock));
    }
  }
}
