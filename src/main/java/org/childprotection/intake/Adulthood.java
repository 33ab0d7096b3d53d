package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.ADULT_DATE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * The day a child comes of age and protection ends: the timer of the case's "年满十八周岁" event
 * subprocess asks {@code ${adulthood.of(execution)}}.
 */
@Component("adulthood")
public class Adulthood {

  private final IntakePolicy policy;
  private final Clock clock;

  public Adulthood(IntakePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** For a child of estimated age, counted from today. */
  public Date dateFor(LocalDate birthDate, Integer estimatedAge) {
    LocalDate today = LocalDate.now(clock);
    LocalDate adult = birthDate != null ? birthDate.plusYears(policy.adultAge())
        : today.plusYears(policy.adultAge() - (estimatedAge == null ? 0 : estimatedAge));
    return Date.from(adult.atStartOfDay(clock.getZone()).toInstant());
  }

  /**
   * Every case starts with {@code adultDate}, set by the intake from the registered child (a
   * report's or a Tasklist registration's) as a transient variable, for the timer of the coming
   * of age to read here as the case starts; a start without it was not the platform's.
   */
  public Date of(DelegateExecution execution) {
    Date date = StepVariables.of(execution).get(ADULT_DATE);
    if (date != null) {
      return date;
    }
    throw new BadUserRequestException("adultDate：个案只能由受理登记启动");
  }
}
