package org.childprotection.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every time limit and rhythm of the response (SPEC sections 4 and 4a), as configured under
 * {@code minor-protection.deadlines}. Nothing here is a default in code: a missing value fails
 * the start-up, so policy cannot silently fall back to a number nobody chose.
 */
@ConfigurationProperties("minor-protection.deadlines")
public record DeadlinePolicy(
    Duration triageUrgent,
    int triageWorkingDays,
    int assessmentWorkingDaysUrgent,
    int assessmentWorkingDays,
    Duration caseConference,
    int referralWorkingDays,
    int referralReminderWorkingDaysBefore,
    Map<String, Period> visitInterval,
    Duration visitGrace) {

  public DeadlinePolicy {
    if (triageUrgent == null || caseConference == null || visitInterval == null
        || visitGrace == null) {
      throw new IllegalArgumentException("minor-protection.deadlines is incomplete");
    }
  }
}
