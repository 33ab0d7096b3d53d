package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.CARE_START_DATE;
import static org.childprotection.process.ProcessVariables.CUSTODY_SINCE;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 临时照料 arranged at intake: the day it began becomes the case's {@code custodySince}, which the
 * guardianship procedure takes over as a 临时监护 to review (SPEC 5.1), so that care begun at
 * intake is counted from its first day. Without a date the care began today.
 */
@Component("temporaryCareListener")
public class TemporaryCareListener implements TaskListener {

  private final Clock clock;

  public TemporaryCareListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    variables.setOnInstance(CUSTODY_SINCE, variables.get(CARE_START_DATE, LocalDate.now(clock)));
  }
}
