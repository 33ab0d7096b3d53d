package org.childprotection.deadline;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.childprotection.assessment.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every time limit and rhythm of the response (SPEC sections 4 and 4a), as configured under
 * {@code minor-protection.deadlines}. Nothing here is a default in code: a missing value fails
 * the start-up, so policy cannot silently fall back to a number nobody chose. The tables of
 * SPEC 4a (first contact, assessment, visits) are keyed by risk level and must name every level.
 */
@ConfigurationProperties("minor-protection.deadlines")
public record DeadlinePolicy(
    Duration triageUrgent,
    int triageWorkingDays,
    Map<String, FirstContact> firstContact,
    Duration safetyPlan,
    Map<String, Integer> assessmentWorkingDays,
    Duration policeArrival,
    Duration caseConference,
    int referralWorkingDays,
    int referralReminderWorkingDaysBefore,
    Map<String, Period> visitInterval,
    Duration visitGrace) {

  public DeadlinePolicy {
    if (triageUrgent == null || safetyPlan == null || policeArrival == null
        || caseConference == null || visitGrace == null) {
      throw new IllegalArgumentException("minor-protection.deadlines is incomplete");
    }
    RiskLevel.requireEveryLevel(firstContact, "minor-protection.deadlines.first-contact");
    RiskLevel.requireEveryLevel(assessmentWorkingDays,
        "minor-protection.deadlines.assessment-working-days");
    RiskLevel.requireEveryLevel(visitInterval, "minor-protection.deadlines.visit-interval");
  }

  /**
   * The first contact at one level: within a time (RED on site within hours) or within working
   * days, never both.
   */
  public record FirstContact(Duration within, Integer workingDays) {

    public FirstContact {
      if ((within == null) == (workingDays == null)) {
        throw new IllegalArgumentException(
            "a first-contact limit is either 'within' a duration or 'working-days', not "
                + within + "/" + workingDays);
      }
    }
  }
}
