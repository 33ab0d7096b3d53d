package org.childprotection.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The answer to a report: the case it opened, or the case it was added to. */
public record IntakeResult(String caseNumber, String processInstanceId, String status) {

  public static IntakeResult opened(String caseNumber, String processInstanceId) {
    return new IntakeResult(caseNumber, processInstanceId, "OPENED");
  }

  /** Merged into a case the caller may not read: its number is not theirs to know. */
  public IntakeResult withoutCaseNumber() {
    return new IntakeResult(null, null, status);
  }

  public static IntakeResult merged(String caseNumber) {
    return new IntakeResult(caseNumber, null, "MERGED");
  }

  @JsonIgnore
  public boolean isNewCase() {
    return "OPENED".equals(status);
  }
}
