package org.childprotection.guardianship;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The limits of the guardianship procedure ({@code minor-protection.guardianship}). */
@ConfigurationProperties("minor-protection.guardianship")
public record GuardianshipPolicy(
    int investigationStartWorkingDays,
    int minimumInvestigators,
    Period investigationReport,
    Duration protectionOrderDecision,
    Duration protectionOrderDecisionUrgent,
    Period custodyReview,
    Period custodyLimit,
    int admonitionsBeforeRefusal,
    Period warningVisitInterval,
    Period restorationEarliest,
    Period restorationLatest,
    Period adoptionAfter,
    Period dismissalMonitoring) {

  /** The longest a protection order may last [law]. */
  public static final int PROTECTION_ORDER_MAX_MONTHS = 6;

  public GuardianshipPolicy {
    if (investigationReport == null || protectionOrderDecision == null
        || protectionOrderDecisionUrgent == null || custodyReview == null || custodyLimit == null
        || warningVisitInterval == null || restorationEarliest == null
        || restorationLatest == null || adoptionAfter == null || dismissalMonitoring == null
        || admonitionsBeforeRefusal < 1 || minimumInvestigators < 1) {
      throw new IllegalArgumentException("minor-protection.guardianship is incomplete");
    }
  }
}
