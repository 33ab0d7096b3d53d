package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.CUSTODY_SINCE;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_ACCEPTED_AT;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_DECIDED_DATE;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_LAST_DAY;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_URGENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.childprotection.deadline.Deadlines;
import org.childprotection.process.ProcessVariable;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * What {@code processes/guardianship-transfer.bpmn} asks for its timers and limits
 * ({@code ${guardianshipDeadlines.…}}), from {@link GuardianshipPolicy}. Limits that the law
 * counts from a fact (the court's acceptance, the judgment, the day care began) are computed from
 * that fact as recorded, never from when the waiting step happened to start.
 */
@Component("guardianshipDeadlines")
public class GuardianshipDeadlines {

  private final GuardianshipPolicy policy;
  private final Deadlines deadlines;
  private final RevocationJudgments judgments;
  private final Clock clock;

  GuardianshipDeadlines(GuardianshipPolicy policy, Deadlines deadlines,
      RevocationJudgments judgments, Clock clock) {
    this.policy = policy;
    this.deadlines = deadlines;
    this.judgments = judgments;
    this.clock = clock;
  }

  /** The police are on site within this time [policy, SPEC 5.0]. */
  public Date policeArrival() {
    return Date.from(ZonedDateTime.now(clock).plus(policy.policeArrival()).toInstant());
  }

  /** The investigation starts within so many working days [policy]. */
  public Date investigationStart() {
    return deadlines.workingDays(policy.investigationStartWorkingDays());
  }

  public String getInvestigationReport() {
    return policy.investigationReport().toString();
  }

  /** The court decides within 72 h of accepting the application, 24 h when urgent [law]. */
  public Date protectionOrderDecisionDue(Object acceptedAt, Object urgent) {
    ZonedDateTime accepted =
        PROTECTION_ORDER_ACCEPTED_AT.read(acceptedAt).atZoneSameInstant(zone());
    return Date.from(accepted.plus(PROTECTION_ORDER_URGENT.read(urgent)
        ? policy.protectionOrderDecisionUrgent() : policy.protectionOrderDecision()).toInstant());
  }

  /**
   * An order made on a day for so many months is in force up to the day before the same date
   * that many months later; the court may not set more than the law's longest [law, art 30].
   */
  LocalDate protectionOrderLastDay(LocalDate from, int months) {
    return from.plusMonths(months).minusDays(1);
  }

  int protectionOrderMaxMonths() {
    return policy.protectionOrderMaxMonths();
  }

  /** The reminder goes out so long before the order's last day, so an extension can be asked. */
  public Date protectionOrderReminderAt(Object lastDay) {
    return startOf(day(PROTECTION_ORDER_LAST_DAY, lastDay)
        .minus(policy.protectionOrderReminderBefore()));
  }

  /** The order lapses when its last day is over. */
  public Date protectionOrderLapsesAt(Object lastDay) {
    return startOf(day(PROTECTION_ORDER_LAST_DAY, lastDay).plusDays(1));
  }

  /**
   * 复议 may be asked once within five days of the order taking effect [law, art 31]: the day it
   * took effect does not count, so the window closes when the fifth day after it is over.
   */
  public Date reconsiderationWindowEnd(Object decidedDate) {
    return startOf(day(PROTECTION_ORDER_DECIDED_DATE, decidedDate)
        .plus(policy.protectionOrderReconsiderationWithin()).plusDays(1));
  }

  /** 临时监护 is reviewed at six months from the day care began (at intake or here). */
  public Date custodyReviewAt(Object custodySince) {
    return startOf(day(CUSTODY_SINCE, custodySince).plus(policy.custodyReview()));
  }

  /** civil-affairs is warned a month before the twelve months are up. */
  public Date custodyWarningAt(Object custodySince) {
    return startOf(day(CUSTODY_SINCE, custodySince).plus(policy.custodyLimit())
        .minus(policy.custodyWarningBefore()));
  }

  /** At twelve months a decision is due: return, long-term placement or an application. */
  public Date custodyDecisionAt(Object custodySince) {
    return startOf(day(CUSTODY_SINCE, custodySince).plus(policy.custodyLimit()));
  }

  public int getAdmonitionsBeforeRefusal() {
    return policy.admonitionsBeforeRefusal();
  }

  public String getWarningVisitInterval() {
    return policy.warningVisitInterval().toString();
  }

  /**
   * The procedure waits for a parent's application until the Opinion's window after the
   * judgment is over (art 38: three months to one year after it).
   */
  public Date restorationWindowEnd(DelegateExecution procedure) {
    return startOf(judgmentOf(procedure).date().plus(policy.restorationLatest()).plusDays(1));
  }

  /**
   * Adoption may be considered a year after the judgment date; at once where the former
   * guardian's harm falls under the restoration bars and the configuration's exception is on.
   */
  public Date adoptionFrom(DelegateExecution procedure) {
    RevocationJudgments.Judgment judgment = judgmentOf(procedure);
    boolean barred = !RestorationBars.of(judgment.grounds(),
        RestorationBars.Facts.of(StepVariables.of(procedure))).isEmpty();
    return startOf(barred && policy.adoptionWithoutWaitWhenRestorationBarred()
        ? judgment.date() : judgment.date().plus(policy.adoptionAfter()));
  }

  public String getDismissalMonitoring() {
    return policy.dismissalMonitoring().toString();
  }

  private RevocationJudgments.Judgment judgmentOf(DelegateExecution procedure) {
    return judgments.of(StepVariables.of(procedure).get(APPLICATION_NUMBER));
  }

  private static LocalDate day(ProcessVariable<LocalDate> variable, Object value) {
    LocalDate day = variable.read(value);
    if (day == null) {
      throw new IllegalStateException("the procedure has no " + variable.name());
    }
    return day;
  }

  /** The start of a day, the city's time: the moment a day's limit begins or ends. */
  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone()).toInstant());
  }

  private ZoneId zone() {
    return clock.getZone();
  }
}
