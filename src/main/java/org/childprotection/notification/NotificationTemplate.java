package org.childprotection.notification;

/**
 * The messages the models send, by the template code a notification step names. They carry the
 * case number, never the child's name: a notice travels over mail and SMS systems.
 */
public enum NotificationTemplate {
  CASE_OPENED("新案件待分诊：%s", "案件 %s 已受理，请保护中心及时分诊。"),
  POLICE_DISPATCH("紧急：请立即出警（案件 %s）", "案件 %s 报告儿童面临紧急危险，或在评估、走访中发现强制报告情形，请立即出警处置、解救并视情带离。"),
  ESCALATION_POLICE_RESPONSE("督促检查：出警超时（案件 %s）", "案件 %s 的出警处置已超过到场时限，请立即与公安机关联系督促。"),
  ESCALATION_FIRST_CONTACT("督促检查：首次接触超时（案件 %s）", "案件 %s 未在风险等级规定的时限内首次接触儿童，请督促区社工办理。"),
  ESCALATION_SAFETY_PLAN("督促检查：安全计划超时（案件 %s）", "一级风险案件 %s 未在时限内制定安全计划，请督促办理。"),
  REFERRAL_REMINDER("转介即将到期（案件 %s）", "案件 %s 转介给贵单位的事项即将到期，请及时办理并反馈。"),
  ESCALATION_TRIAGE("督促检查：分诊超时（案件 %s）", "案件 %s 的分诊已超过时限，请督促保护中心办理。"),
  ESCALATION_ASSESSMENT("督促检查：评估超时（案件 %s）", "案件 %s 的走访评估已超过时限，请督促区社工办理。"),
  ESCALATION_CONFERENCE("督促检查：会商超时（案件 %s）", "一级风险案件 %s 的个案会商已超过时限，请督促办理。"),
  ESCALATION_REFERRAL("督促检查：转介超时（案件 %s）", "案件 %s 的转介事项已超过办理时限，请督促承办单位。"),
  ESCALATION_VISIT("督促检查：走访超时（案件 %s）", "案件 %s 的跟踪走访已超过时限，请督促区社工办理。"),
  GUARDIANSHIP_STARTED("监护干预已启动（案件 %s）", "案件 %s 经评估，监护人严重侵害且屡教不改，已启动监护干预：公安出警、临时监护、人身安全保护令与调查评估同时进行。"),
  GUARDIANSHIP_EMERGENCY("紧急监护干预已启动（案件 %s）", "案件 %s 儿童面临紧急危险或正受监护人侵害，已在受理或分诊时启动监护干预：公安出警，临时监护与人身安全保护令同时办理，调查评估随后进行。"),
  ESCALATION_POLICE_ARRIVAL("督促检查：出警未按时到场（案件 %s）", "案件 %s 的监护干预出警已超过到场时限，请立即联系公安110指挥中心督促到场处置。"),
  ESCALATION_INVESTIGATION_START("督促检查：调查评估未按时启动（案件 %s）", "案件 %s 的监护调查评估应在3个工作日内启动，请督促保护中心。"),
  ESCALATION_INVESTIGATION("督促检查：调查评估报告逾期（案件 %s）", "案件 %s 的监护调查评估报告已超过时限，请督促保护中心。"),
  ESCALATION_PROTECTION_ORDER("提示：人身安全保护令逾期未裁定（案件 %s）", "案件 %s 的人身安全保护令申请已超过法定裁定期限，请与法院联系，不得推定结果。"),
  PROTECTION_ORDER_EXPIRING("人身安全保护令即将期满（案件 %s）", "案件 %s 的人身安全保护令即将期满，如需延长，请在期满前协助申请人向法院申请。"),
  PROTECTION_ORDER_EXPIRED("人身安全保护令期满（案件 %s）", "案件 %s 的人身安全保护令已期满，请评估是否需要再次申请。"),
  ESCALATION_CUSTODY_LIMIT("提示：临时监护即将满十二个月（案件 %s）", "案件 %s 的临时监护即将满十二个月，届时须作出返还、长期安置或申请撤销监护人资格的决定，请提前准备。"),
  COURT_ACCEPTANCE_OVERDUE("提示：法院逾期未受理（案件 %s）", "案件 %s 的监护资格申请未在期限内获法院受理，请与法院联系核实，不得推定结果。"),
  ESCALATION_SURVEY("督促检查：摸底排查逾期（%s）", "%s 的基础台帐摸底排查已超过截止日期，请督促区民政部门完成上传。"),
  MONITORING_HARM_FOUND("监护随访发现侵害（案件 %s）", "案件 %s 在驳回撤销申请后的监护随访中发现侵害，请立即评估并重新处置。"),
  COURT_RULING_OVERDUE("提示：法院逾期未判决（案件 %s）", "案件 %s 的监护资格案件自法院受理之日起已超过特别程序审理期限，尚未判决，请与法院联系核实，不得推定结果。");

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
