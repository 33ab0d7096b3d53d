package org.childprotection.assessment;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How re-scores at follow-up visits move the level ({@code minor-protection.follow-up}): visits
 * come on the level's rhythm, but a level is re-scored on its own, slower one (SPEC 4a: RED
 * every 30 days), and only re-scores may lower it.
 */
@ConfigurationProperties("minor-protection.follow-up")
public record FollowUpPolicy(int lowerScoresToStepDown, Map<String, Period> rescoreInterval) {

  public FollowUpPolicy {
    if (lowerScoresToStepDown < 1) {
      throw new IllegalArgumentException(
          "minor-protection.follow-up.lower-scores-to-step-down must be at least 1");
    }
    RiskLevel.requireEveryLevel(rescoreInterval, "minor-protection.follow-up.rescore-interval");
  }

  /**
   * Whether a score taken at {@code now} is the level's re-score: the level's interval has
   * passed since the last one (counted in the city's calendar), or there was none.
   */
  public boolean rescoreDue(RiskLevel level, Date lastRescore, Instant now, ZoneId zone) {
    if (lastRescore == null) {
      return true;
    }
    Instant due = lastRescore.toInstant().atZone(zone)
        .plus(rescoreInterval.get(level.name())).toInstant();
    return !now.isBefore(due);
  }
}
