package org.childprotection.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.childprotection.registry.IdNumber;
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
   * A case from a report carries {@code adultDate}. A case started in Tasklist does not yet:
   * the engine sets the timer before {@link CaseStartListener} registers the case, so the date
   * is read from the start form's answers (which the listener then checks).
   */
  public Date of(DelegateExecution execution) {
    Object known = execution.getVariable("adultDate");
    if (known instanceof Date date) {
      return date;
    }
    LocalDate birth = parse(execution.getVariable("childBirthDate"));
    Object idNumber = execution.getVariable("childIdNumber");
    if (birth == null && idNumber != null) {
      birth = IdNumber.birthDate(idNumber.toString()).orElse(null);
    }
    Object age = execution.getVariable("childEstimatedAge");
    return dateFor(birth, age instanceof Number n ? n.intValue() : null);
  }

  private static LocalDate parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
