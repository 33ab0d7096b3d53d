package org.childprotection.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.StepRefused;
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
    Object given = task.getVariable("careStartDate");
    LocalDate began;
    try {
      began = given == null || given.toString().isBlank()
          ? LocalDate.now(clock) : LocalDate.parse(given.toString().trim());
    } catch (DateTimeParseException e) {
      throw new StepRefused("careStartDate", "开始照料日期应为 yyyy-MM-dd 格式的日期");
    }
    task.getExecution().getProcessInstance().setVariable("custodySince", began.toString());
  }
}
