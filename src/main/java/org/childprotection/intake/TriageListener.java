package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.CATEGORIES;
import static org.childprotection.process.ProcessVariables.CONFIRMED_CATEGORIES;
import static org.childprotection.process.ProcessVariables.TRIAGED_AT;
import static org.childprotection.process.ProcessVariables.TRIAGE_LEVEL;
import static org.childprotection.process.ProcessVariables.URGENT;

import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.StepVariables;
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
    StepVariables variables = StepVariables.of(task);
    List<String> confirmed = variables.get(CONFIRMED_CATEGORIES);
    List<String> categories = confirmed.isEmpty() ? variables.get(CATEGORIES) : confirmed;
    boolean urgent = variables.get(URGENT);
    variables.set(CATEGORIES, categories);
    variables.set(TRIAGE_LEVEL, levelOf(variables.get(TRIAGE_LEVEL), urgent));
    variables.set(TRIAGED_AT, Date.from(clock.instant()));
    cases.updateTriage(caseId, String.join(",", categories), urgent);
  }

  /**
   * The level the center chose. A triage completed without one (through the API, or on a form
   * from before the level was asked) keeps the limits urgency gave: urgent ones RED's.
   */
  private static String levelOf(String chosen, boolean urgent) {
    if (chosen == null || chosen.isBlank()) {
      return urgent ? RiskLevel.RED.name() : RiskLevel.YELLOW.name();
    }
    return Arrays.stream(RiskLevel.values()).map(Enum::name)
        .filter(level -> level.equals(chosen)).findFirst()
        .orElseThrow(() -> new StepRefused(TRIAGE_LEVEL.name(), "请选择初步风险等级（一级至四级）"));
  }
}
