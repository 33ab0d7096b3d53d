package org.childprotection.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.childprotection.assessment.AssessmentService.Assessed;
import org.childprotection.assessment.AssessmentService.Standing;
import org.childprotection.assessment.AssessmentService.Visit;
import org.childprotection.process.EngineTime;
import org.childprotection.registry.Assessments;
import org.childprotection.registry.Assessments.Scoring;
import org.childprotection.registry.Cases;
import org.childprotection.registry.Cases.Case;
import org.childprotection.registry.Children;
import org.childprotection.registry.Children.Child;
import org.childprotection.registry.Visits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * An assessment without an engine: the first one and the visits' re-scores, what goes back to
 * the disposal plan, what is a new 强制报告 finding, and what the registry records.
 */
@Tag("no-database")
class AssessmentServiceTest {

  private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
  private static final Case CASE = new Case(1, "NJ-2026-0001", 7, "qixia", "OPEN",
      "LEFT_BEHIND", false, false, null, "instance", null, null, null, null, null);
  private static final Visit NO_VISIT = new Visit(null, null, false);

  private final Assessments assessments = mock(Assessments.class);
  private final Cases cases = mock(Cases.class);
  private final Visits visits = mock(Visits.class);
  private AssessmentService service;

  @BeforeEach
  void service() {
    Children children = mock(Children.class);
    when(children.byId(7)).thenReturn(new Child(7, null, "F",
        LocalDate.ofInstant(NOW, NANJING).minusYears(10), null, null, null, "qixia", null, null,
        null));
    EngineTime engineTime = mock(EngineTime.class);
    when(engineTime.now()).thenReturn(NOW);
    FollowUpPolicy followUp = new FollowUpPolicy(2, Map.of("RED", Period.ofDays(30),
        "ORANGE", Period.ofDays(90), "YELLOW", Period.ofMonths(6), "GREEN", Period.ofYears(1)));
    service = new AssessmentService(ScoringPolicy.defaults(), followUp, children, cases,
        assessments, visits, engineTime, Clock.fixed(NOW, NANJING));
  }

  @Test
  void theFirstAssessmentSetsTheLevelAndIsItsReScore() {
    Assessed assessed = service.assess(CASE, Map.of("needMedical", true),
        new Standing(null, 0, null, null, null, false), NO_VISIT, "worker");

    assertThat(assessed.level().level()).isEqualTo(assessed.score().level());
    assertThat(assessed.rescoredAt()).isEqualTo(Date.from(NOW));
    assertThat(assessed.reenterDisposal()).isFalse();
    assertThat(assessed.mandatoryReport()).isFalse();
    assertThat(assessed.needs()).isEqualTo("MEDICAL");
    ArgumentCaptor<Scoring> scoring = ArgumentCaptor.forClass(Scoring.class);
    verify(assessments).insert(scoring.capture());
    assertThat(scoring.getValue()).isEqualTo(
        new Scoring(1, "INITIAL", assessed.score(), "worker"));
    verify(cases).recordRiskLevel(1, assessed.score().level().name());
    verify(visits, never()).insert(anyLong(), any(), any(), any(), any());
  }

  @Test
  void aWorseScoreAtAVisitGoesBackToThePlanAndItsNewOverrideIsReported() {
    Assessed assessed = service.assess(CASE, Map.of("sexualHarmOrPregnancy", "true"),
        new Standing(RiskLevel.GREEN, 0, null, Date.from(NOW), null, false),
        new Visit("监护指导", "走访记录", false), "worker");

    assertThat(assessed.level().level()).isEqualTo(RiskLevel.RED);
    assertThat(assessed.level().worsened()).isTrue();
    assertThat(assessed.reenterDisposal()).isTrue();
    assertThat(assessed.mandatoryReport()).isTrue();
    ArgumentCaptor<Scoring> scoring = ArgumentCaptor.forClass(Scoring.class);
    verify(assessments).insert(scoring.capture());
    assertThat(scoring.getValue().kind()).isEqualTo("FOLLOW_UP");
    verify(cases).recordRiskLevel(1, "RED");
    verify(visits).insert(1, "worker", "监护指导", "RED", "走访记录");
  }

  @Test
  void anOverrideTheLastScoreFoundIsNotReportedAgain() {
    Assessed assessed = service.assess(CASE, Map.of("sexualHarmOrPregnancy", "true"),
        new Standing(RiskLevel.RED, 0, null, Date.from(NOW), "OVERRIDE_SEXUAL_HARM", false),
        NO_VISIT, "worker");

    assertThat(assessed.level().worsened()).isFalse();
    assertThat(assessed.mandatoryReport()).isFalse();
  }

  @ParameterizedTest(name = "harm without change {0}, procedure running {1} → back to plan {2}")
  @CsvSource({"true, false, true", "true, true, false", "false, false, false"})
  void aGuardianWhoHarmsAndDoesNotChangeSendsTheCaseBackUnlessAProcedureRuns(
      boolean harmWithoutChange, boolean guardianshipRunning, boolean reenter) {
    Assessed assessed = service.assess(CASE, Map.of(),
        new Standing(RiskLevel.RED, 0, null, Date.from(NOW), null, guardianshipRunning),
        new Visit(null, null, harmWithoutChange), "worker");

    assertThat(assessed.level().level()).as("a lower score before the re-score is due")
        .isEqualTo(RiskLevel.RED);
    assertThat(assessed.rescoredAt()).isNull();
    assertThat(assessed.reenterDisposal()).isEqualTo(reenter);
  }

  @Test
  void aSecondLowerReScoreOnceTheIntervalHasPassedLowersTheLevel() {
    Date monthAgo = Date.from(NOW.minus(31, ChronoUnit.DAYS));
    Assessed assessed = service.assess(CASE, Map.of(),
        new Standing(RiskLevel.RED, 1, RiskLevel.YELLOW, monthAgo, null, false), NO_VISIT,
        "worker");

    assertThat(assessed.level().level()).as("the higher of the two lower re-scores")
        .isEqualTo(RiskLevel.YELLOW);
    assertThat(assessed.rescoredAt()).isEqualTo(Date.from(NOW));
    verify(cases).recordRiskLevel(1, "YELLOW");
  }
}
