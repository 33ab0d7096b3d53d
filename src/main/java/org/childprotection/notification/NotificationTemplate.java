package org.childprotection.notification;

/**
 * The messages the models send, by the template code a notification step names. They carry the
 * case number, never the child's name: a notice travels over mail and SMS systems.
 */
public enum NotificationTemplate {
  CASE_OPENED("新案件待分诊：%s", "案件 %s 已受理，请保护中心及时分诊。"),
  POLICE_DISPATCH("紧急：请立即出警（案件 %s）", "案件 %s 报告儿童面临紧急危险，请立即出警处置、解救并视情带离。"),
  REFERRAL_REMINDER("转介即将到期（案件 %s）", "案件 %s 转介给贵单位的事项即将到期，请及时办理并反馈。"),
  ESCALATION_TRIAGE("督促检查：分诊超时（案件 %s）", "案件 %s 的分诊已超过时限，请督促保护中心办理。"),
  ESCALATION_ASSESSMENT("督促检查：评估超时（案件 %s）", "案件 %s 的走访评估已超过时限，请督促区社工办理。"),
  ESCALATION_CONFERENCE("督促检查：会商超时（案件 %s）", "一级风险案件 %s 的个案会商已超过时限，请督促办理。"),
  ESCALATION_REFERRAL("督促检查：转介超时（案件 %s）", "案件 %s 的转介事项已超过办理时限，请督促承办单位。"),
  ESCALATION_VISIT("督促检查：走访超时（案件 %s）", "案件 %s 的跟踪走访已超过时限，请督促区社工办理。");

  private final String subject;
  private final String body;

  NotificationTemplate(String subject, String body) {
    this.subject = subject;
    this.body = body;
  }

  public String subject(String caseNumber) {
    return subject.formatted(caseNumber);
  }

  public String body(String caseNumber) {
    return body.formatted(caseNumber);
  }
}
