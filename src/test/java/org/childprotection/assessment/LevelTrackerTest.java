package org.childprotection.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.childprotection.assessment.RiskScore.Reason;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC 4a's re-score rule, case by case: a worse score raises the level at once, a lower one
 * counts only when the level's re-score is due, and two lower re-scores in a row lower it; and
 * 强制报告: which override findings are new.
 */
@Tag("no-database")
class LevelTrackerTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final FollowUpPolicy POLICY = new FollowUpPolicy(2, Map.of(
      "RED", Period.ofDays(30), "ORANGE", Period.ofDays(90), "YELLOW", Period.ofMonths(6),
      "GREEN", Period.ofYears(1)));

  @ParameterizedTest(name = "{0} scored {1} (run {2}/{3}, re-score due {4}) → {5}")
  @CsvSource({
      // current, scored, run before, highest of run, due, level, worsened, run after, rescored
      ",       ORANGE, 0, ,      false, ORANGE, false, 0, true",
      "GREEN,  RED,    0, ,      false, RED,    true,  0, true",
      "ORANGE, RED,    1, GREEN, false, RED,    true,  0, true",
      "RED,    GREEN,  0, ,      false, RED,    false, 0, false",
      "RED,    GREEN,  1, GREEN, false, RED,    false, 1, false",
      "RED,    GREEN,  0, ,      true,  RED,    false, 1, true",
      "RED,    YELLOW, 1, GREEN, true,  YELLOW, false, 0, true",
      "RED,    GREEN,  1, ORANGE, true, ORANGE, false, 0, true",
      "RED,    RED,    1, GREEN, false, RED,    false, 0, false",
      "RED,    RED,    1, GREEN, true,  RED,    false, 0, true",
  })
  void aLevelRisesAtOnceAndFallsOnlyAfterTwoLowerRescores(RiskLevel current, RiskLevel scored,
      int run, RiskLevel highestOfRun, boolean due, RiskLevel level, boolean worsened,
      int runAfter, boolean rescored) {
    LevelTracker.Outcome outcome = LevelTracker.next(current, scored, run, highestOfRun, 2, due);

    assertThat(outcome.level()).isEqualTo(level);
    assertThat(outcome.worsened()).isEqualTo(worsened);
    assertThat(outcome.lowerStreak()).isEqualTo(runAfter);
    assertThat(outcome.rescored()).isEqualTo(rescored);
  }

  @ParameterizedTest(name = "{0} re-scored {1}, now {2} → due {3}")
  @CsvSource({
      "RED,    2026-01-01T10:00+08:00, 2026-01-30T10:00+08:00, false",
      "RED,    2026-01-01T10:00+08:00, 2026-01-31T10:00+08:00, true",
      "ORANGE, 2026-01-01T10:00+08:00, 2026-03-31T09:59+08:00, false",
      "ORANGE, 2026-01-01T10:00+08:00, 2026-04-01T10:00+08:00, true",
      "YELLOW, 2026-01-31T10:00+08:00, 2026-07-31T10:00+08:00, true",
  })
  void aRescoreFallsDueOnTheLevelsRhythm(RiskLevel level, OffsetDateTime last,
      OffsetDateTime now, boolean due) {
    assertThat(POLICY.rescoreDue(level, Date.from(last.toInstant()), now.toInstant(), SHANGHAI))
        .isEqualTo(due);
    assertThat(POLICY.rescoreDue(level, null, Instant.now(), SHANGHAI))
        .as("never re-scored").isTrue();
  }

  @Test
  void aRescoreRhythmMustNameEveryLevel() {
    assertThatThrownBy(() -> new FollowUpPolicy(2, Map.of("RED", Period.ofDays(30))))
        .hasMessageContaining("rescore-interval").hasMessageContaining("GREEN");
  }

  @Test
  void onlyOverrideFindingsTheLastScoreHadNotFoundAreNew() {
    RiskScore score = new RiskScore(0, 0, 0, 0, 0, 0, RiskLevel.RED, true, List.of(
        new Reason("OVERRIDE_SEXUAL_HARM", "强制报告情形：性侵害或女童怀孕", 0),
        new Reason("OVERRIDE_ORGANISED_BEGGING", "强制报告情形：被组织乞讨", 0),
        new Reason("LEVEL_BY_OVERRIDE", "存在直接定级情形", 0)));

    assertThat(score.overrideCodes())
        .containsExactly("OVERRIDE_SEXUAL_HARM", "OVERRIDE_ORGANISED_BEGGING");
    assertThat(score.overridesNotIn(null)).hasSize(2);
    assertThat(score.overridesNotIn("")).hasSize(2);
    assertThat(score.overridesNotIn("OVERRIDE_SEXUAL_HARM"))
        .containsExactly("OVERRIDE_ORGANISED_BEGGING");
    assertThat(score.overridesNotIn("OVERRIDE_ORGANISED_BEGGING,OVERRIDE_SEXUAL_HARM")).isEmpty();
  }
}
