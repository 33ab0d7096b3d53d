package org.childprotection.court;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.childprotection.court.CourtApplications.Application;
import org.springframework.stereotype.Component;

/**
 * Which days can be the court's acceptance date (受理日期) of an application, whether the court's
 * system or a court user in Tasklist gives it: the judgment's time limit runs from it, so a
 * mistyped date would move the limit. It lies in the past, and not before the court had the
 * application.
 */
@Component
public class AcceptanceDates {

  private final Clock clock;

  public AcceptanceDates(Clock clock) {
    this.clock = clock;
  }

  /** Why this cannot be the day the court accepted the application; empty when it can. */
  public Optional<String> refusal(Application application, LocalDate acceptedDate) {
    if (acceptedDate.isAfter(LocalDate.now(clock))) {
      return Optional.of("受理日期不能晚于今天");
    }
    LocalDate handedOver = application.handedToCourtOn(clock.getZone());
    if (acceptedDate.isBefore(handedOver)) {
      return Optional.of("受理日期不能早于申请移送法院的日期（" + handedOver + "）");
    }
    return Optional.empty();
  }
}
