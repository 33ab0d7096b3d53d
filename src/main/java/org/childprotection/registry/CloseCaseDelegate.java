package org.childprotection.registry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 结案: closes the case in the registry with its reason (input {@code closureReason}) and a note
 * for whoever takes over. Everything done stays in the history.
 */
@Component("closeCaseDelegate")
public class CloseCaseDelegate implements JavaDelegate {

  private final Cases cases;
  private final CaseBinding binding;

  public CloseCaseDelegate(Cases cases, CaseBinding binding) {
    this.cases = cases;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseOf(execution).id();
    String reason = (String) execution.getVariableLocal("closureReason");
    String note = switch (reason) {
      case "AGE_18" -> "儿童已年满18周岁，未成年人保护依法终止。移交说明：请区民政部门告知本人及监护人可申请的成年人救助与服务，"
          + "风险等级：" + Vocabulary.riskLevel((String) execution.getVariable("riskLevel")) + "。";
      case "REFERRED_OUT" -> "已转出至：" + execution.getVariable("destination") + "。"
          + execution.getVariable("handoverNote");
      default -> (String) execution.getVariable("closureNote");
    };
    cases.close(caseId, reason, note);
  }
}
