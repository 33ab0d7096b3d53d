package org.childprotection.guardianship;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.childprotection.court.CourtApplications;
import org.childprotection.court.CourtApplications.Application;
import org.springframework.stereotype.Component;

/**
 * The judgment that revoked a guardianship in this procedure, as the registry has it: the limits
 * after it (restoration window, adoption) run from its date, not from when a step started.
 */
@Component
class RevocationJudgments {

  /** The revocation application, the judgment's date and the grounds it was made on. */
  record Judgment(Application application, LocalDate date, List<String> grounds) {}

  private final CourtApplications applications;
  private final Clock clock;

  RevocationJudgments(CourtApplications applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  /** The judgment on the revocation application of that number. */
  Judgment of(String applicationNumber) {
    Application revocation = applications.byNumber(applicationNumber).orElseThrow();
    LocalDate date = revocation.rulingDate() != null ? revocation.rulingDate()
        : revocation.ruledAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    List<String> grounds = revocation.legalGrounds() == null || revocation.legalGrounds().isBlank()
        ? List.of() : List.of(revocation.legalGrounds().split(","));
    return new Judgment(revocation, date, grounds);
  }
}
