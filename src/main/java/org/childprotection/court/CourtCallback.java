package org.childprotection.court;

/**
 * The body of {@code POST /api/court/rulings} (SPEC section 7). Without {@code outcome} it is the
 * court's acceptance of the application (with its case number); with one it is the ruling.
 */
public record CourtCallback(String applicationNumber, String courtCaseNumber, String outcome,
    String rulingDate, String appointedGuardian) {

  public boolean isRuling() {
    return outcome != null && !outcome.isBlank();
  }
}
