package org.childprotection.registry;

import static org.childprotection.process.ProcessVariables.CLOSURE_NOTE;
import static org.childprotection.process.ProcessVariables.CLOSURE_REASON;
import static org.childprotection.process.ProcessVariables.DESTINATION;
import static org.childprotection.process.ProcessVariables.HANDOVER_NOTE;
import static org.childprotection.process.ProcessVariables.RISK_LEVEL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.process.StepVariables;
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
    StepVariables variables = StepVariables.of(execution);
    String reason = variables.local(CLOSURE_REASON);
    RiskLevel level = variables.get(RISK_LEVEL);
    String note = switch (reason) {
      case "AGE_18" -> "儿童已年满18周岁，未成年人保护依法终止。移交说明：请区民政部门告知本人及监护人可申请的成年人救助与服务，"
          + "风险等级：" + Vocabulary.riskLevel(level == null ? null : level.name()) + "。";
      case "REFERRED_OUT" -> "已转出至：" + variables.get(DESTINATION) + "。"
          + variables.get(HANDOVER_NOTE);
      default -> variables.get(CLOSURE_NOTE);
    };
    cases.close(caseId, reason, note);
  }
}
