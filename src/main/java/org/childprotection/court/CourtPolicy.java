package org.childprotection.court;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The court's system and the limits the court is held to ({@code minor-protection.court}).
 * Without a URL the hand-off is a task for the {@code court} group in Tasklist.
 */
@ConfigurationProperties("minor-protection.court")
public record CourtPolicy(String url, String retryCycle, Period acceptanceWithin,
    Period rulingWithin) {

  public CourtPolicy {
    if (retryCycle == null || acceptanceWithin == null || rulingWithin == null) {
      throw new IllegalArgumentException("minor-protection.court is incomplete");
    }
  }

  public boolean online() {
    return url != null && !url.isBlank();
  }

  /**
   * The last day the special procedure gives the court for its judgment [law]: counted from the
   * acceptance date the court gave, the day of acceptance itself not counted (民事诉讼法 on
   * periods), in calendar days.
   */
  public LocalDate lastDayForJudgment(LocalDate acceptedDate) {
    return acceptedDate.plus(rulingWithin);
  }
}
