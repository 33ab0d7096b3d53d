package org.childprotection.deadline;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.childprotection.assessment.RiskLevel;
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

  /**
   * 首次接触 at the level the center set at triage (SPEC 4a): on site within hours for RED,
   * within a day for ORANGE, within working days below.
   */
  public Date firstContact(String level) {
    DeadlinePolicy.FirstContact limit = atLevel(policy.firstContact(), level);
    return limit.within() != null ? date(now().plus(limit.within()))
        : date(workingDaysFromNow(limit.workingDays()));
  }

  /** RED: the safety plan is due this long after triage, however late the first contact. */
  public Date safetyPlan(Date triagedAt) {
    return Date.from(triagedAt.toInstant().plus(policy.safetyPlan()));
  }

  /** 评估完成 at the level the center set at triage (SPEC 4a). */
  public Date assessmentAtLevel(String level) {
    return date(workingDaysFromNow(atLevel(policy.assessmentWorkingDays(), level)));
  }

  /**
   * 评估完成 for instances started on a model from before the level was set at triage, which
   * asks by urgency: urgent was the RED limit, anything else the YELLOW one.
   */
  public Date assessment(boolean urgent) {
    return assessmentAtLevel(urgent ? RiskLevel.RED.name() : RiskLevel.YELLOW.name());
  }

  /** 出警处置: the police are due on site this soon after the dispatch. */
  public Date policeArrival() {
    return date(now().plus(policy.policeArrival()));
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
    return atLevel(policy.visitInterval(), riskLevel).toString();
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

  private static <T> T atLevel(Map<String, T> table, String level) {
    T value = table.get(level);
    if (value == null) {
      throw new IllegalArgumentException("no limit configured for level " + level);
    }
    return value;
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock);
  }

  private static Date date(ZonedDateTime at) {
    return Date.from(at.toInstant());
  }
}
