package org.childprotection.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.childprotection.process.EngineTime;
import org.childprotection.registry.Assessments;
import org.childprotection.registry.Assessments.Scoring;
import org.childprotection.registry.Cases;
import org.childprotection.registry.Cases.Case;
import org.childprotection.registry.Children;
import org.childprotection.registry.Children.Child;
import org.childprotection.registry.Visits;
import org.springframework.stereotype.Service;

/**
 * 评估计分 (SPEC 4 step 6, 4a): scores the three instruments a worker filled in, at the first
 * assessment and at every follow-up visit; sets the level the case works at; says whether a
 * 强制报告 situation was found and whether the case goes back to its disposal plan; and records
 * the assessment (and the visit) in the registry.
 */
@Service
public class AssessmentService {

  /**
   * What the case carries from its earlier assessments, all empty before the first: the level
   * it works at, the run of lower re-scores, the last re-score, the override situations found,
   * and whether a guardianship procedure of the case runs now.
   */
  public record Standing(RiskLevel level, int lowerScoreStreak, RiskLevel lowerScoreRunLevel,
      Date lastRescoreAt, String overrideCodes, boolean guardianshipRunning) {}

  /**
   * What the worker recorded at a follow-up visit besides the instruments: the guidance given,
   * the note, and whether a guardian seriously harms the child and does not change.
   */
  public record Visit(String guidance, String note, boolean seriousHarmWithoutChange) {}

  /**
   * The score; the level the case works at now; when this score was the level's re-score (null
   * when it was not); whether it found a 强制报告 situation the last one had not; whether the
   * case goes back to its disposal plan; and the needs ticked, as the plan's decision reads them.
   */
  public record Assessed(RiskScore score, LevelTracker.Outcome level, Date rescoredAt,
      boolean mandatoryReport, boolean reenterDisposal, String needs) {}

  private final RiskScoring scoring;
  private final FollowUpPolicy followUp;
  private final Children children;
  private final Cases cases;
  private final Assessments assessments;
  private final Visits visits;
  private final EngineTime engineTime;
  private final Clock clock;

  public AssessmentService(ScoringPolicy policy, FollowUpPolicy followUp, Children children,
      Cases cases, Assessments assessments, Visits visits, EngineTime engineTime, Clock clock) {
    this.scoring = new RiskScoring(policy);
    this.followUp = followUp;
    this.children = children;
    this.cases = cases;
    this.assessments = assessments;
    this.visits = visits;
    this.engineTime = engineTime;
    this.clock = clock;
  }

  /**
   * Assesses the case from the instruments' answers ({@link AssessmentAnswers}, {@link Need});
   * the child's age is the registry's.
   */
  public Assessed assess(Case bound, Map<String, Object> answers, Standing before, Visit visit,
      String worker) {
    Map<String, Object> withAge = new HashMap<>(answers);
    withAge.put("childAge", ageOf(children.byId(bound.childId())));
    RiskScore score = scoring.score(AssessmentAnswers.fromVariables(withAge));
    // Engine time, as the visit timers keep it.
    Date now = Date.from(engineTime.now());
    boolean first = before.level() == null;
    LevelTracker.Outcome level = LevelTracker.next(before.level(), score.level(),
        before.lowerScoreStreak(), before.lowerScoreRunLevel(),
        followUp.lowerScoresToStepDown(), first || followUp.rescoreDue(before.level(),
            before.lastRescoreAt(), now.toInstant(), clock.getZone()));
    // A visit that finds a worse risk, or a guardian who seriously harms the child and does not
    // change (while no guardianship procedure runs), goes back to the disposal plan.
    boolean reenterDisposal = level.worsened()
        || (visit.seriousHarmWithoutChange() && !before.guardianshipRunning());
    // 强制报告: a situation the case's last score had not found goes to the police at once.
    boolean mandatoryReport = !score.overridesNotIn(before.overrideCodes()).isEmpty();

    assessments.insert(new Scoring(bound.id(), first ? "INITIAL" : "FOLLOW_UP", score, worker));
    cases.recordRiskLevel(bound.id(), level.level().name());
    if (!first) {
      visits.insert(bound.id(), worker, visit.guidance(), level.level().name(), visit.note());
    }
    return new Assessed(score, level, level.rescored() ? now : null, mandatoryReport,
        reenterDisposal, Need.ticked(answers));
  }

  private int ageOf(Child child) {
    if (child.birthDate() != null) {
      return Period.between(child.birthDate(), LocalDate.now(clock)).getYears();
    }
    return child.estimatedAge() == null ? 0 : child.estimatedAge();
  }
}
