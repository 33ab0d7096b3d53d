package org.childprotection.assessment;

import static org.childprotection.process.ProcessVariables.GUARDIANSHIP_RUNNING;
import static org.childprotection.process.ProcessVariables.GUARDIANSHIP_STARTED;
import static org.childprotection.process.ProcessVariables.GUARDIAN_SERIOUS_HARM_NO_CHANGE;
import static org.childprotection.process.ProcessVariables.GUIDANCE;
import static org.childprotection.process.ProcessVariables.LAST_RESCORE_AT;
import static org.childprotection.process.ProcessVariables.LOWER_SCORE_RUN_LEVEL;
import static org.childprotection.process.ProcessVariables.LOWER_SCORE_STREAK;
import static org.childprotection.process.ProcessVariables.MANDATORY_REPORT;
import static org.childprotection.process.ProcessVariables.NEEDS;
import static org.childprotection.process.ProcessVariables.OVERRIDE_CODES;
import static org.childprotection.process.ProcessVariables.REENTER_DISPOSAL;
import static org.childprotection.process.ProcessVariables.RISK_LEVEL;
import static org.childprotection.process.ProcessVariables.RISK_WORSENED;
import static org.childprotection.process.ProcessVariables.SCORED_LEVEL;
import static org.childprotection.process.ProcessVariables.VISIT_NOTE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.assessment.AssessmentService.Assessed;
import org.childprotection.assessment.AssessmentService.Standing;
import org.childprotection.assessment.AssessmentService.Visit;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 评估计分: the instruments the worker just filled in (at the first assessment and at every
 * follow-up visit) are assessed ({@link AssessmentService}); the score, the level the case works
 * at, whether a 强制报告 situation was found and the needs for the disposal plan become the
 * case's variables.
 */
@Component("assessmentDelegate")
public class AssessmentDelegate implements JavaDelegate {

  private final AssessmentService assessments;
  private final CaseBinding binding;

  public AssessmentDelegate(AssessmentService assessments, CaseBinding binding) {
    this.assessments = assessments;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    Assessed assessed = assessments.assess(binding.caseOf(execution), variables.all(),
        new Standing(variables.get(RISK_LEVEL), variables.get(LOWER_SCORE_STREAK, 0),
            variables.get(LOWER_SCORE_RUN_LEVEL), variables.get(LAST_RESCORE_AT),
            variables.get(OVERRIDE_CODES), guardianshipRunning(variables)),
        new Visit(variables.get(GUIDANCE), variables.get(VISIT_NOTE),
            variables.get(GUARDIAN_SERIOUS_HARM_NO_CHANGE)),
        PlatformIdentity.currentUserId(execution));

    RiskScore score = assessed.score();
    LevelTracker.Outcome level = assessed.level();
    Map<String, Object> written = new HashMap<>(score.toVariables());
    SCORED_LEVEL.putInto(written, score.level());
    RISK_LEVEL.putInto(written, level.level());
    RISK_WORSENED.putInto(written, level.worsened());
    REENTER_DISPOSAL.putInto(written, assessed.reenterDisposal());
    LOWER_SCORE_STREAK.putInto(written, level.lowerStreak());
    LOWER_SCORE_RUN_LEVEL.putInto(written, level.lowestRun());
    if (assessed.rescoredAt() != null) {
      LAST_RESCORE_AT.putInto(written, assessed.rescoredAt());
    }
    MANDATORY_REPORT.putInto(written, assessed.mandatoryReport());
    OVERRIDE_CODES.putInto(written, String.join(",", score.overrideCodes()));
    NEEDS.putInto(written, assessed.needs());
    variables.setAll(written);
  }

  /**
   * Whether a guardianship procedure of the case runs now. Instances started on a model from
   * before a case could go through the procedure more than once only know that one started.
   */
  private static boolean guardianshipRunning(StepVariables variables) {
    return variables.has(GUARDIANSHIP_RUNNING)
        ? variables.get(GUARDIANSHIP_RUNNING) : variables.get(GUARDIANSHIP_STARTED);
  }
}
