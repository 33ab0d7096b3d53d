package org.childprotection.guardianship;

import java.util.Date;
import org.childprotection.deadline.Deadlines;
import org.springframework.stereotype.Component;

/**
 * What {@code processes/guardianship-transfer.bpmn} asks for its timers and limits
 * ({@code ${guardianshipDeadlines.…}}), from {@link GuardianshipPolicy}.
 */
@Component("guardianshipDeadlines")
public class GuardianshipDeadlines {

  private final GuardianshipPolicy policy;
  private final Deadlines deadlines;

  public GuardianshipDeadlines(GuardianshipPolicy policy, Deadlines deadlines) {
    this.policy = policy;
    this.deadlines = deadlines;
  }

  /** The investigation starts within so many working days [policy]. */
  public Date investigationStart() {
    return deadlines.workingDays(policy.investigationStartWorkingDays());
  }

  public String getInvestigationReport() {
    return policy.investigationReport().toString();
  }

  /** The court decides on a protection order within 72 h, 24 h when urgent [law]. */
  public String protectionOrderDecision(Object urgent) {
    return (Boolean.TRUE.equals(urgent) ? policy.protectionOrderDecisionUrgent()
        : policy.protectionOrderDecision()).toString();
  }

  /** An order lasts as long as the court set, never more than six months [law]. */
  public String protectionOrderDuration(Object months) {
    int set = months instanceof Number n ? n.intValue() : GuardianshipPolicy.PROTECTION_ORDER_MAX_MONTHS;
    return "P" + Math.max(1, Math.min(set, GuardianshipPolicy.PROTECTION_ORDER_MAX_MONTHS)) + "M";
  }

  public String getCustodyReview() {
    return policy.custodyReview().toString();
  }

  public String getCustodyLimit() {
    return policy.custodyLimit().toString();
  }

  public int getAdmonitionsBeforeRefusal() {
    return policy.admonitionsBeforeRefusal();
  }

  public String getWarningVisitInterval() {
    return policy.warningVisitInterval().toString();
  }

  public String getRestorationLatest() {
    return policy.restorationLatest().toString();
  }

  public String getAdoptionAfter() {
    return policy.adoptionAfter().toString();
  }

  public String getDismissalMonitoring() {
    return policy.dismissalMonitoring().toString();
  }
}
