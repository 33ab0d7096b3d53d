package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.EXTENSION_GRANTED;
import static org.childprotection.process.ProcessVariables.EXTENSION_MONTHS;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_ACCEPTED_AT;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_ACCEPTED_DATE;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_ACCEPTED_TIME;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_APPLICANT;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_APPLIED_DATE;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_DECIDED_DATE;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_GRANTED;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_IN_FORCE;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_LAST_DAY;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_MEASURES;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_MONTHS;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_REQUESTED;
import static org.childprotection.process.ProcessVariables.PROTECTION_ORDER_URGENT;
import static org.childprotection.process.ProcessVariables.RECONSIDERATION_OUTCOME;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.ProcessVariable;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * The 人身安全保护令's steps (反家庭暴力法 arts 23, 28–32): the court's acceptance time, from
 * which its decision is due; an order names its measures (art 29) and lasts as many months as the
 * court set, never more than the law allows (art 30); an extension adds to the order's last day.
 * The task listeners of {@code guardianship-transfer} call these on completion.
 */
@Component("protectionOrders")
public class ProtectionOrders {

  private final GuardianshipDeadlines deadlines;
  private final Clock clock;

  public ProtectionOrders(GuardianshipDeadlines deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * Who may apply for the child (反家庭暴力法 art 23, 法释〔2022〕17号 art 2): the child's close
   * relatives, or on the child's behalf 公安, 民政, 妇联, 居委会/村委会, 残联, 救助管理机构.
   */
  static final Set<String> APPLICANTS = Set.of("CLOSE_RELATIVE", "POLICE", "CIVIL_AFFAIRS",
      "WOMENS_FEDERATION", "RESIDENTS_COMMITTEE", "DISABLED_FEDERATION", "RESCUE_STATION");

  /** 申请: an applicant the law allows and a date that has come; urgency is yes or no. */
  public void requested(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    variables.set(PROTECTION_ORDER_URGENT, variables.get(PROTECTION_ORDER_URGENT));
    if (!variables.get(PROTECTION_ORDER_REQUESTED)) {
      return;
    }
    if (!APPLICANTS.contains(String.valueOf(variables.get(PROTECTION_ORDER_APPLICANT)))) {
      throw new StepRefused(PROTECTION_ORDER_APPLICANT.name(),
          "申请人须为儿童的近亲属，或代为申请的公安机关、民政部门、妇联、居委会/村委会、残联、救助管理机构");
    }
    LocalDate applied = variables.get(PROTECTION_ORDER_APPLIED_DATE);
    if (applied == null || applied.isAfter(LocalDate.now(clock))) {
      throw new StepRefused(PROTECTION_ORDER_APPLIED_DATE.name(), "请填写申请日期（不能晚于今天）");
    }
  }

  /**
   * 受理: the day and the time the court accepted the application (the form asks them apart, as
   * a date and 时:分), a moment that has come and not before the application was made; the
   * decision's due time is counted from it.
   */
  public void accepted(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    LocalDate day = variables.get(PROTECTION_ORDER_ACCEPTED_DATE);
    String time = variables.get(PROTECTION_ORDER_ACCEPTED_TIME);
    String timeField = PROTECTION_ORDER_ACCEPTED_TIME.name();
    if (day == null || time == null || !time.strip().matches("\\d{1,2}:\\d{2}")) {
      throw new StepRefused(timeField, "请填写法院受理的日期和时间（时:分）");
    }
    ZonedDateTime accepted;
    try {
      accepted = day.atTime(LocalTime.parse(String.format("%5s", time.strip())
          .replace(' ', '0'))).atZone(clock.getZone());
    } catch (DateTimeParseException e) {
      throw new StepRefused(timeField, "请按 时:分 填写受理时间");
    }
    if (accepted.isAfter(ZonedDateTime.now(clock))) {
      throw new StepRefused(timeField, "受理时间不能晚于现在");
    }
    LocalDate applied = variables.get(PROTECTION_ORDER_APPLIED_DATE);
    if (applied != null && day.isBefore(applied)) {
      throw new StepRefused(PROTECTION_ORDER_ACCEPTED_DATE.name(), "受理日期不能早于申请日期");
    }
    variables.set(PROTECTION_ORDER_ACCEPTED_AT, accepted.toOffsetDateTime());
  }

  /**
   * The protection order's 裁定: an order granted names its measures and months; its last day
   * follows from them.
   */
  public void decided(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    LocalDate decided = decidedDate(variables);
    boolean granted = variables.get(PROTECTION_ORDER_GRANTED);
    variables.set(PROTECTION_ORDER_IN_FORCE, granted);
    if (!granted) {
      return;
    }
    if (variables.get(PROTECTION_ORDER_MEASURES).isEmpty()) {
      throw new StepRefused(PROTECTION_ORDER_MEASURES.name(),
          "作出保护令的，请选择裁定的措施（反家庭暴力法第二十九条）");
    }
    variables.set(PROTECTION_ORDER_LAST_DAY, deadlines.protectionOrderLastDay(decided,
        months(variables, PROTECTION_ORDER_MONTHS)));
  }

  /** 延长: the order runs on for the months granted, counted from its present last day. */
  public void extended(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if (!variables.get(EXTENSION_GRANTED)) {
      return;
    }
    LocalDate lastDay = variables.get(PROTECTION_ORDER_LAST_DAY);
    variables.set(PROTECTION_ORDER_LAST_DAY, deadlines.protectionOrderLastDay(
        lastDay.plusDays(1), months(variables, EXTENSION_MONTHS)));
  }

  /** 复议: a party's application, within the window the model keeps open. */
  public void reconsidered(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if ("REVOKED".equals(variables.get(RECONSIDERATION_OUTCOME))) {
      variables.set(PROTECTION_ORDER_IN_FORCE, false);
    }
  }

  private LocalDate decidedDate(StepVariables variables) {
    LocalDate decided = variables.get(PROTECTION_ORDER_DECIDED_DATE);
    if (decided == null) {
      throw new StepRefused(PROTECTION_ORDER_DECIDED_DATE.name(), "请填写裁定作出的日期");
    }
    if (decided.isAfter(LocalDate.now(clock))) {
      throw new StepRefused(PROTECTION_ORDER_DECIDED_DATE.name(), "裁定日期不能晚于今天");
    }
    return decided;
  }

  private int months(StepVariables variables, ProcessVariable<Integer> field) {
    int months = variables.get(field, 0);
    if (months < 1 || months > deadlines.protectionOrderMaxMonths()) {
      throw new StepRefused(field.name(), "有效期为1至" + deadlines.protectionOrderMaxMonths()
          + "个月（反家庭暴力法第三十条）");
    }
    return months;
  }
}
