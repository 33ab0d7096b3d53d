package org.childprotection.court;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.childprotection.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * What the court-proceedings model asks about the court: {@code ${courtGateway.online}},
 * {@code ${courtGateway.retryCycle}}, and when the court is late.
 */
@Component("courtGateway")
public class CourtGateway {

  private final CourtPolicy policy;
  private final Clock clock;

  public CourtGateway(CourtPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  public boolean isOnline() {
    return policy.online();
  }

  public String getRetryCycle() {
    return policy.retryCycle();
  }

  /** The court should accept within this; later it is flagged to civil-affairs. */
  public String getAcceptanceWithin() {
    return policy.acceptanceWithin().toString();
  }

  /**
   * When the judgment is overdue: the start of the day after the last day for it, in the city's
   * time, counted from the acceptance date the court gave ({@code acceptedDate}), not from when
   * the acceptance was recorded. Without that date the court's first word was its judgment,
   * which ends the wait in the same transaction: nothing is left to be late.
   */
  public Date judgmentOverdueAt(Object acceptedDate) {
    LocalDate accepted = ProcessVariables.ACCEPTED_DATE.read(acceptedDate);
    if (accepted == null) {
      return Date.from(clock.instant());
    }
    return Date.from(policy.lastDayForJudgment(accepted).plusDays(1)
        .atStartOfDay(clock.getZone()).toInstant());
  }
}
