package org.childprotection.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.registry.Assessments;
import org.childprotection.registry.Assessments.Assessment;
import org.childprotection.registry.CaseBinding;
import org.childprotection.registry.Cases;
import org.childprotection.registry.Children;
import org.childprotection.registry.Children.Child;
import org.childprotection.registry.Visits;
import org.springframework.stereotype.Component;

/**
 * 评估计分: scores the three instruments the worker just filled in (at the first assessment and
 * at every follow-up visit), sets the level the case works at, says whether a 强制报告 situation
 * was found, records the assessment (and the visit) in the registry, and collects the needs the
 * disposal plan reads.
 */
@Component("assessmentDelegate")
public class AssessmentDelegate implements JavaDelegate {

  static final String NEED_PREFIX = "need";

  private final RiskScoring scoring;
  private final FollowUpPolicy followUp;
  private final Children children;
  private final Cases cases;
  private final CaseBinding binding;
  private final Assessments assessments;
  private final Visits visits;
  private final Clock clock;

  public AssessmentDelegate(ScoringPolicy policy, FollowUpPolicy followUp, Children children,
      Cases cases, CaseBinding binding, Assessments assessments, Visits visits, Clock clock) {
    this.scoring = new RiskScoring(policy);
    this.followUp = followUp;
    this.children = children;
    this.cases = cases;
    this.binding = binding;
    this.assessments = assessments;
    this.visits = visits;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Cases.Case bound = binding.caseOf(execution);
    long caseId = bound.id();
    Child child = children.byId(bound.childId());
    Map<String, Object> answers = new HashMap<>(execution.getVariables());
    answers.put("childAge", ageOf(child));
    RiskScore score = scoring.score(AssessmentAnswers.fromVariables(answers));

    RiskLevel current = level(execution.getVariable("riskLevel"));
    // Engine time, as the visit timers keep it.
    Date now = ClockUtil.getCurrentTime();
    LevelTracker.Outcome outcome = LevelTracker.next(current, score.level(),
        intOf(execution.getVariable("lowerScoreStreak")),
        level(execution.getVariable("lowerScoreRunLevel")),
        followUp.lowerScoresToStepDown(), current == null || followUp.rescoreDue(current,
            (Date) execution.getVariable("lastRescoreAt"), now.toInstant(), clock.getZone()));

    Map<String, Object> variables = new HashMap<>(score.toVariables());
    variables.put("scoredLevel", score.level().name());
    variables.put("riskLevel", outcome.level().name());
    variables.put("riskWorsened", outcome.worsened());
    // A visit that finds a worse risk, or a guardian who seriously harms the child and does not
    // change (while no guardianship procedure runs), goes back to the disposal plan.
    variables.put("reenterDisposal", outcome.worsened()
        || (Boolean.TRUE.equals(execution.getVariable("guardianSeriousHarmNoChange"))
            && !guardianshipRunning(execution)));
    variables.put("lowerScoreStreak", outcome.lowerStreak());
    variables.put("lowerScoreRunLevel",
        outcome.lowestRun() == null ? null : outcome.lowestRun().name());
    if (outcome.rescored()) {
      variables.put("lastRescoreAt", now);
    }
    // 强制报告: a situation the case's last score had not found goes to the police at once.
    variables.put("mandatoryReport",
        !score.overridesNotIn((String) execution.getVariable("overrideCodes")).isEmpty());
    variables.put("overrideCodes", String.join(",", score.overrideCodes()));
    variables.put("needs", needs(execution.getVariables()));
    execution.setVariables(variables);

    String kind = current == null ? "INITIAL" : "FOLLOW_UP";
    String worker = PlatformIdentity.currentUserId(execution);
    assessments.insert(caseId, new Assessment(0, kind, score.a(), score.b(), score.c(),
        score.d(), score.e(), score.total(), score.level().name(), score.override(),
        (String) score.toVariables().get("riskReasons"), worker, null));
    cases.recordRiskLevel(caseId, outcome.level().name());
    if (current != null) {
      visits.insert(caseId, worker, (String) execution.getVariable("guidance"),
          outcome.level().name(), (String) execution.getVariable("visitNote"));
    }
  }

  private int ageOf(Child child) {
    if (child.birthDate() != null) {
      return Period.between(child.birthDate(), LocalDate.now(clock)).getYears();
    }
    return child.estimatedAge() == null ? 0 : child.estimatedAge();
  }

  /** The needs ticked in the needs assessment, e.g. "MEDICAL,SCHOOLING", for the DMN. */
  static String needs(Map<String, Object> variables) {
    StringJoiner needs = new StringJoiner(",");
    variables.entrySet().stream()
        .filter(e -> e.getKey().startsWith(NEED_PREFIX) && e.getKey().length() > 4
            && Character.isUpperCase(e.getKey().charAt(4)))
        .filter(e -> Boolean.TRUE.equals(e.getValue()) || "true".equals(e.getValue()))
        .map(e -> e.getKey().substring(4).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase())
        .sorted()
        .forEach(needs::add);
    return needs.toString();
  }


  /**
   * Whether a guardianship procedure of the case runs now. Instances started on a model from
   * before a case could go through the procedure more than once only know that one started.
   */
  private static boolean guardianshipRunning(DelegateExecution execution) {
    Object running = execution.getVariable("guardianshipRunning");
    return running == null
        ? Boolean.TRUE.equals(execution.getVariable("guardianshipStarted"))
        : Boolean.TRUE.equals(running);
  }

  private static RiskLevel level(Object value) {
    return value == null ? null : RiskLevel.valueOf(value.toString());
  }

  private static int intOf(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }
}
