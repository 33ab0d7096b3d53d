package org.childprotection.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How re-scores at follow-up visits move the level ({@code minor-protection.follow-up}). */
@ConfigurationProperties("minor-protection.follow-up")
public record FollowUpPolicy(int lowerScoresToStepDown) {

  public FollowUpPolicy {
    if (lowerScoresToStepDown < 1) {
      throw new IllegalArgumentException(
          "minor-protection.follow-up.lower-scores-to-step-down must be at least 1");
    }
  }
}
