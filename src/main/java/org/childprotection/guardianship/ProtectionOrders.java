package org.childprotection.guardianship;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.childprotection.engine.StepRefused;
import org.childprotection.engine.VariableValues;
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
    task.getExecution().setVariable("protectionOrderUrgent",
        FormValues.yes(task.getVariable("protectionOrderUrgent")));
    if (!FormValues.yes(task.getVariable("protectionOrderRequested"))) {
      return;
    }
    if (!APPLICANTS.contains(String.valueOf(task.getVariable("protectionOrderApplicant")))) {
      throw new StepRefused("protectionOrderApplicant",
          "申请人须为儿童的近亲属，或代为申请的公安机关、民政部门、妇联、居委会/村委会、残联、救助管理机构");
    }
    LocalDate applied = FormValues.date("protectionOrderAppliedDate",
        task.getVariable("protectionOrderAppliedDate"));
    if (applied == null || applied.isAfter(LocalDate.now(clock))) {
      throw new StepRefused("protectionOrderAppliedDate", "请填写申请日期（不能晚于今天）");
    }
  }

  /**
   * 受理: the day and the time the court accepted the application (the form asks them apart, as
   * a date and 时:分), a moment that has come and not before the application was made; the
   * decision's due time is counted from it.
   */
  public void accepted(DelegateTask task) {
    LocalDate day = FormValues.date("protectionOrderAcceptedDate",
        task.getVariable("protectionOrderAcceptedDate"));
    Object time = task.getVariable("protectionOrderAcceptedTime");
    if (day == null || time == null || !time.toString().strip().matches("\\d{1,2}:\\d{2}")) {
      throw new StepRefused("protectionOrderAcceptedTime", "请填写法院受理的日期和时间（时:分）");
    }
    ZonedDateTime accepted;
    try {
      accepted = day.atTime(LocalTime.parse(String.format("%5s", time.toString().strip())
          .replace(' ', '0'))).atZone(clock.getZone());
    } catch (DateTimeParseException e) {
      throw new StepRefused("protectionOrderAcceptedTime", "请按 时:分 填写受理时间");
    }
    if (accepted.isAfter(ZonedDateTime.now(clock))) {
      throw new StepRefused("protectionOrderAcceptedTime", "受理时间不能晚于现在");
    }
    LocalDate applied = FormValues.date("protectionOrderAppliedDate",
        task.getVariable("protectionOrderAppliedDate"));
    if (applied != null && day.isBefore(applied)) {
      throw new StepRefused("protectionOrderAcceptedDate", "受理日期不能早于申请日期");
    }
    task.getExecution().setVariable("protectionOrderAcceptedAt",
        accepted.toOffsetDateTime().toString());
  }

  /**
   * The protection order's 裁定: an order granted names its measures and months; its last day
   * follows from them.
   */
  public void decided(DelegateTask task) {
    LocalDate decided = decidedDate(task);
    task.getExecution().setVariable("protectionOrderInForce",
        FormValues.yes(task.getVariable("protectionOrderGranted")));
    if (!FormValues.yes(task.getVariable("protectionOrderGranted"))) {
      return;
    }
    List<String> measures = VariableValues.strings(task.getVariable("protectionOrderMeasures"));
    if (measures.isEmpty()) {
      throw new StepRefused("protectionOrderMeasures", "作出保护令的，请选择裁定的措施（反家庭暴力法第二十九条）");
    }
    task.getExecution().setVariable("protectionOrderLastDay", deadlines
        .protectionOrderLastDay(decided, months(task, "protectionOrderMonths")).toString());
  }

  /** 延长: the order runs on for the months granted, counted from its present last day. */
  public void extended(DelegateTask task) {
    if (!FormValues.yes(task.getVariable("extensionGranted"))) {
      return;
    }
    LocalDate lastDay = FormValues.date("protectionOrderLastDay",
        task.getVariable("protectionOrderLastDay"));
    task.getExecution().setVariable("protectionOrderLastDay", deadlines
        .protectionOrderLastDay(lastDay.plusDays(1), months(task, "extensionMonths")).toString());
  }

  /** 复议: a party's application, within the window the model keeps open. */
  public void reconsidered(DelegateTask task) {
    if ("REVOKED".equals(task.getVariable("reconsiderationOutcome"))) {
      task.getExecution().setVariable("protectionOrderInForce", false);
    }
  }

  private LocalDate decidedDate(DelegateTask task) {
    LocalDate decided = FormValues.date("protectionOrderDecidedDate",
        task.getVariable("protectionOrderDecidedDate"));
    if (decided == null) {
      throw new StepRefused("protectionOrderDecidedDate", "请填写裁定作出的日期");
    }
    if (decided.isAfter(LocalDate.now(clock))) {
      throw new StepRefused("protectionOrderDecidedDate", "裁定日期不能晚于今天");
    }
    return decided;
  }

  private int months(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    int months = value instanceof Number n ? n.intValue() : 0;
    if (months < 1 || months > deadlines.protectionOrderMaxMonths()) {
      throw new StepRefused(field, "有效期为1至" + deadlines.protectionOrderMaxMonths()
          + "个月（反家庭暴力法第三十条）");
    }
    return months;
  }
}
