package org.childprotection.deadline;

import java.time.Clock;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import org.childprotection.calendar.WorkCalendar;
import org.springframework.stereotype.Component;

/**
 * The due dates the models ask for ({@code ${deadlines.triage(urgent)}} and so on), computed
 * from {@link DeadlinePolicy}. Working days are the State Council's ({@link WorkCalendar}: its
 * days off skipped, its working weekend days counted).
 */
@Component("deadlines")
public class Deadlines {

  private final DeadlinePolicy policy;
  private final WorkCalendar calendar;
  private final Clock clock;

  public Deadlines(DeadlinePolicy policy, WorkCalendar calendar, Clock clock) {
    this.policy = policy;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** 分诊: within the hour when urgent, else within the configured working days. */
  public Date triage(boolean urgent) {
    return urgent ? date(now().plus(policy.triageUrgent()))
        : date(workingDaysFromNow(policy.triageWorkingDays()));
  }

  /** 评估完成: the RED limit when urgent, else the normal one. */
  public Date assessment(boolean urgent) {
    return date(workingDaysFromNow(urgent
        ? policy.assessmentWorkingDaysUrgent() : policy.assessmentWorkingDays()));
  }

  /** 会商 for RED cases. */
  public Date caseConference() {
    return date(now().plus(policy.caseConference()));
  }

  /** 转介 feedback due. */
  public Date referral() {
    return date(workingDaysFromNow(policy.referralWorkingDays()));
  }

  /** A reminder to the unit some working days before its referral is due. */
  public Date referralReminder() {
    return date(workingDaysFromNow(Math.max(0,
        policy.referralWorkingDays() - policy.referralReminderWorkingDaysBefore())));
  }

  /** The time until the next monitoring visit, as an ISO-8601 duration for a BPMN timer. */
  public String visitInterval(String riskLevel) {
    Period interval = policy.visitInterval().get(riskLevel);
    if (interval == null) {
      throw new IllegalArgumentException("no visit interval configured for level " + riskLevel);
    }
    return interval.toString();
  }

  /** A visit falls due when its interval ends and is overdue after the grace period. */
  public Date visitDue() {
    return date(now().plus(policy.visitGrace()));
  }

  /** So many working days from now, for the other models' limits. */
  public Date workingDays(int days) {
    return date(workingDaysFromNow(days));
  }

  ZonedDateTime workingDaysFromNow(int days) {
    ZonedDateTime at = now();
    int left = days;
    while (left > 0) {
      at = at.plusDays(1);
      if (calendar.isWorkingDay(at.toLocalDate())) {
        left--;
      }
    }
    return at;
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock);
  }

  private static Date date(ZonedDateTime at) {
    return Date.from(at.toInstant());
  }
}
