package org.childprotection.intake;

import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.engine.StepRefused;
import org.childprotection.engine.VariableValues;
import org.childprotection.registry.CaseBinding;
import org.childprotection.registry.Cases;
import org.springframework.stereotype.Component;

/**
 * 分诊 done: the center's confirmed categories and urgency become the case's, and its level
 * (初步风险等级) sets the first contact's and the assessment's limits (SPEC 4a), counted from now.
 */
@Component("triageListener")
public class TriageListener implements TaskListener {

  private final Cases cases;
  private final CaseBinding binding;
  private final Clock clock;

  public TriageListener(Cases cases, CaseBinding binding, Clock clock) {
    this.cases = cases;
    this.binding = binding;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = binding.caseOf(task).id();
    List<String> confirmed = VariableValues.strings(task.getVariable("confirmedCategories"));
    String categories = confirmed.isEmpty()
        ? (String) task.getVariable("categories") : String.join(",", confirmed);
    boolean urgent = Boolean.TRUE.equals(task.getVariable("urgent"));
    task.getExecution().setVariable("categories", categories);
    task.getExecution().setVariable("triageLevel", levelOf(task.getVariable("triageLevel"), urgent));
    task.getExecution().setVariable("triagedAt", Date.from(clock.instant()));
    cases.updateTriage(caseId, categories, urgent);
  }

  /**
   * The level the center chose. A triage completed without one (through the API, or on a form
   * from before the level was asked) keeps the limits urgency gave: urgent ones RED's.
   */
  private static String levelOf(Object chosen, boolean urgent) {
    if (chosen == null || chosen.toString().isBlank()) {
      return urgent ? RiskLevel.RED.name() : RiskLevel.YELLOW.name();
    }
    return Arrays.stream(RiskLevel.values()).map(Enum::name)
        .filter(level -> level.equals(chosen.toString())).findFirst()
        .orElseThrow(() -> new StepRefused("triageLevel", "请选择初步风险等级（一级至四级）"));
  }
}
