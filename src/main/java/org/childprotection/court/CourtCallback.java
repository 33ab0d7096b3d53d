package org.childprotection.court;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of {@code POST /api/court/rulings} (SPEC section 7). Without {@code outcome} it is the
 * court's acceptance of the application, with its case number and its acceptance date
 * ({@code acceptedDate}, required); with one it is the judgment, which may bring the acceptance
 * date too when the court did not send its acceptance before.
 */
public record CourtCallback(String applicationNumber, String courtCaseNumber, String acceptedDate,
    String outcome, String rulingDate, String appointedGuardian) {

  @JsonIgnore
  public boolean isRuling() {
    return outcome != null && !outcome.isBlank();
  }
}
