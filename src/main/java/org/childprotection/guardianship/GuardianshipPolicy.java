package org.childprotection.guardianship;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of the guardianship procedure ({@code minor-protection.guardianship}): the law's
 * (反家庭暴力法 arts 28, 30, 31; the Opinion's arts 38, 40) and the platform's policy, all in
 * configuration so that an administrator can follow a change of either without a rebuild.
 */
@ConfigurationProperties("minor-protection.guardianship")
public record GuardianshipPolicy(
    Duration policeArrival,
    int investigationStartWorkingDays,
    int minimumInvestigators,
    Period investigationReport,
    Duration protectionOrderDecision,
    Duration protectionOrderDecisionUrgent,
    int protectionOrderMaxMonths,
    Period protectionOrderReminderBefore,
    Period protectionOrderReconsiderationWithin,
    Period custodyReview,
    Period custodyLimit,
    Period custodyWarningBefore,
    int admonitionsBeforeRefusal,
    Period warningVisitInterval,
    Period restorationEarliest,
    Period restorationLatest,
    Period adoptionAfter,
    boolean adoptionWithoutWaitWhenRestorationBarred,
    Period dismissalMonitoring) {

  public GuardianshipPolicy {
    if (Stream.of(policeArrival, investigationReport, protectionOrderDecision,
            protectionOrderDecisionUrgent, protectionOrderReminderBefore,
            protectionOrderReconsiderationWithin, custodyReview, custodyLimit,
            custodyWarningBefore, warningVisitInterval, restorationEarliest, restorationLatest,
            adoptionAfter, dismissalMonitoring).anyMatch(Objects::isNull)
        || admonitionsBeforeRefusal < 1 || minimumInvestigators < 1
        || protectionOrderMaxMonths < 1) {
      throw new IllegalArgumentException("minor-protection.guardianship is incomplete");
    }
  }
}
