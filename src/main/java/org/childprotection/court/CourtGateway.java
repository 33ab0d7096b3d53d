package org.childprotection.court;

import org.springframework.stereotype.Component;

/**
 * What the court-proceedings model asks about the court: {@code ${courtGateway.online}},
 * {@code ${courtGateway.retryCycle}}, and the limits the court is held to as BPMN durations.
 */
@Component("courtGateway")
public class CourtGateway {

  private final CourtPolicy policy;

  public CourtGateway(CourtPolicy policy) {
    this.policy = policy;
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

  /** Special procedure: a ruling within 30 days of acceptance [law]; later it is flagged. */
  public String getRulingWithin() {
    return policy.rulingWithin().toString();
  }
}
