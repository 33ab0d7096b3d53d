package org.childprotection.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.childprotection.assessment.RiskScore.Reason;
import org.childprotection.assessment.ScoringPolicy.AgeBand;
import org.childprotection.assessment.ScoringPolicy.Article21;
import org.childprotection.assessment.ScoringPolicy.ChildVulnerabilityPoints;
import org.childprotection.assessment.ScoringPolicy.GuardianCapacityPoints;
import org.childprotection.assessment.ScoringPolicy.GuardianHarmPoints;
import org.childprotection.assessment.ScoringPolicy.LivingConditionsPoints;
import org.childprotection.assessment.ScoringPolicy.SupportNetworkPoints;
import org.childprotection.assessment.ScoringPolicy.Thresholds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default model of SPEC 4a, case by case. Answers are written as they arrive from a form:
 * {@code "childAge=12 singleParent guardianHarm=NEGLECT_OR_VERBAL"}, a bare name meaning true.
 */
@Tag("no-database")
class RiskScoringTest {

  private final RiskScoring scoring = new RiskScoring(ScoringPolicy.defaults());

  @ParameterizedTest(name = "{0} → RED by {1}")
  @CsvSource({
      "childAge=10 injuryToPrivateParts,                 OVERRIDE_INJURY_TO_PRIVATE_PARTS",
      "childAge=10 sexualHarmOrPregnancy,                OVERRIDE_SEXUAL_HARM",
      "childAge=10 multipleInjuriesOrSevereMalnutrition, OVERRIDE_MULTIPLE_INJURIES",
      "childAge=10 disabilityOrDeathFromAbnormalCause,   OVERRIDE_ABNORMAL_DISABILITY_OR_DEATH",
      "childAge=10 abandonedOrLongWithoutCare,           OVERRIDE_ABANDONED",
      "childAge=10 unknownOriginMissingOrTrafficked,     OVERRIDE_MISSING_OR_TRAFFICKED",
      "childAge=10 organisedBegging,                     OVERRIDE_ORGANISED_BEGGING",
      "childAge=10 imminentDanger,                       OVERRIDE_IMMINENT_DANGER",
      "childAge=10 harmInProgress,                       OVERRIDE_HARM_IN_PROGRESS",
      "childAge=5 withoutCare,                           OVERRIDE_YOUNG_CHILD_WITHOUT_CARE",
      "childAge=10 livingAlone,                          OVERRIDE_CHILD_LIVING_ALONE",
  })
  void everyOverrideAloneGivesRedWithItsReason(String answers, String code) {
    RiskScore score = scoring.score(answers(answers));

    assertThat(score.level()).isEqualTo(RiskLevel.RED);
    assertThat(score.override()).isTrue();
    assertThat(score.total()).as("points are still computed").isPositive().isLessThan(20);
    assertThat(score.reasons()).extracting(Reason::code, Reason::points)
        .containsExactly(tuple(code, 0), tuple("C_AGE", score.c()), tuple("LEVEL_BY_OVERRIDE", 0));
  }

  @ParameterizedTest(name = "{0} → override {1}")
  @CsvSource({
      "childAge=7 withoutCare,   true",
      "childAge=8 withoutCare,   false",
      "childAge=15 livingAlone,  true",
      "childAge=16 livingAlone,  false",
  })
  void article21AppliesBelowItsAgeLimits(String answers, boolean override) {
    RiskScore score = scoring.score(answers(answers));

    assertThat(score.override()).isEqualTo(override);
    assertThat(score.level() == RiskLevel.RED).isEqualTo(override);
  }

  @ParameterizedTest(name = "{1} points → {2}: {0}")
  @CsvSource({
      "childAge=12 disabilityOrSeriousIllness mentalOrBehaviourProblems singleParent, 19, GREEN",
      "childAge=16 guardianHarm=INJURY_OR_PRIOR_WARNING, 20, YELLOW",
      "childAge=12 disabilityOrSeriousIllness mentalOrBehaviourProblems "
          + "guardianHarm=REPEATED_OR_CRIMINAL, 39, YELLOW",
      "childAge=16 guardianHarm=REPEATED_OR_CRIMINAL singleParent housingHazards "
          + "noOtherAbleGuardian, 40, ORANGE",
      "childAge=12 disabilityOrSeriousIllness mentalOrBehaviourProblems "
          + "guardianHarm=REPEATED_OR_CRIMINAL guardianIncapacity refusesToEntrustCare "
          + "singleParent, 59, ORANGE",
      "childAge=16 guardianHarm=REPEATED_OR_CRIMINAL guardianIncapacity refusesToEntrustCare "
          + "singleParent income=BELOW_DIBAO noOtherAbleGuardian, 60, RED",
  })
  void levelFollowsTheThresholds(String answers, int total, RiskLevel level) {
    RiskScore score = scoring.score(answers(answers));

    assertThat(score.total()).isEqualTo(total);
    assertThat(score.level()).isEqualTo(level);
    assertThat(score.override()).isFalse();
    assertThat(score.reasons()).last().extracting(Reason::code).isEqualTo("LEVEL_BY_POINTS");
    assertThat(score.reasons().stream().mapToInt(Reason::points).sum()).isEqualTo(total);
  }

  static Stream<Arguments> everyAnswerOfADimension() {
    return Stream.of(
        arguments("A", "childAge=16 guardianHarm=REPEATED_OR_CRIMINAL", 25,
            policy(new GuardianHarmPoints(null, null, null, 50, null), null, null, null, null)),
        arguments("B",
            "childAge=16 guardianIncapacity refusesToEntrustCare singleParent", 20,
            policy(null, new GuardianCapacityPoints(20, 10, 10, null), null, null, null)),
        arguments("C",
            "childAge=3 disabilityOrSeriousIllness mentalOrBehaviourProblems", 20,
            policy(null, null,
                new ChildVulnerabilityPoints(List.of(new AgeBand(0, 16)), 12, 12, null),
                null, null)),
        arguments("D",
            "childAge=16 income=BELOW_DIBAO housingHazards separatedFromParentsOver12Months", 20,
            policy(null, null, null,
                new LivingConditionsPoints(20, null, null, 10, 10, null), null)),
        arguments("E", "childAge=16 noOtherAbleGuardian noContactWithSchoolOrCommunity "
                + "eligibleForAidButNotReceiving", 15,
            policy(null, null, null, null, new SupportNetworkPoints(10, 10, 10, null))));
  }

  @ParameterizedTest(name = "{0} is capped at {2}")
  @MethodSource("everyAnswerOfADimension")
  void eachDimensionIsCapped(String dimension, String answers, int cap, ScoringPolicy doubled) {
    RiskScore atDefaults = scoring.score(answers(answers));
    RiskScore overCap = new RiskScoring(doubled).score(answers(answers));

    assertThat(points(atDefaults, dimension)).as("every answer at defaults").isEqualTo(cap);
    assertThat(atDefaults.reasons()).extracting(Reason::code)
        .doesNotContain(dimension + "_CAPPED");
    assertThat(points(overCap, dimension)).as("doubled points").isEqualTo(cap);
    assertThat(overCap.total()).isEqualTo(cap);
    assertThat(overCap.reasons()).extracting(Reason::code, Reason::points)
        .contains(tuple(dimension + "_CAPPED", -cap));
    assertThat(overCap.reasons().stream().mapToInt(Reason::points).sum()).isEqualTo(cap);
  }

  @ParameterizedTest(name = "age {0} → {1} points")
  @CsvSource({"0, 8", "5, 8", "6, 5", "11, 5", "12, 2", "15, 2", "16, 0", "17, 0"})
  void childVulnerabilityFollowsTheAgeBands(int age, int points) {
    RiskScore score = scoring.score(answers("childAge=" + age));

    assertThat(score.c()).isEqualTo(points);
    assertThat(score.total()).isEqualTo(points);
  }

  @Test
  void aMixedCaseListsEveryAnswerThatScored() {
    RiskScore score = scoring.score(answers("childAge=4 guardianHarm=INJURY_OR_PRIOR_WARNING "
        + "singleParent mentalOrBehaviourProblems income=BELOW_TWICE_DIBAO "
        + "noOtherAbleGuardian"));

    assertThat(score.reasons()).extracting(Reason::code, Reason::points).containsExactly(
        tuple("A_INJURY_OR_PRIOR_WARNING", 20),
        tuple("B_SINGLE_PARENT", 5),
        tuple("C_AGE", 8),
        tuple("C_MENTAL_OR_BEHAVIOUR_PROBLEMS", 6),
        tuple("D_BELOW_TWICE_DIBAO", 5),
        tuple("E_NO_OTHER_ABLE_GUARDIAN", 5),
        tuple("LEVEL_BY_POINTS", 0));
    assertThat(score.reasons()).extracting(Reason::text).contains(
        "监护人造成伤害或曾被出具告诫书", "儿童 4 岁（0–5 岁）", "家庭人均收入低于2倍低保",
        "总分 49 分，属 40–59 分，定为二级（橙）");
    assertThat(score.toVariables()).containsExactly(
        Map.entry("riskLevel", "ORANGE"),
        Map.entry("riskScore", 49),
        Map.entry("riskPointsA", 20),
        Map.entry("riskPointsB", 5),
        Map.entry("riskPointsC", 14),
        Map.entry("riskPointsD", 5),
        Map.entry("riskPointsE", 5),
        Map.entry("riskOverride", false),
        Map.entry("riskReasons", "监护人造成伤害或曾被出具告诫书；单亲家庭；儿童 4 岁（0–5 岁）；"
            + "儿童有心理或行为问题；家庭人均收入低于2倍低保；无其他有能力的监护人；"
            + "总分 49 分，属 40–59 分，定为二级（橙）"));
  }

  @Test
  void overridesComeFirstAndTheLevelReasonKeepsThePoints() {
    RiskScore score = scoring.score(answers(
        "childAge=13 sexualHarmOrPregnancy harmInProgress guardianHarm=REPEATED_OR_CRIMINAL"));

    assertThat(score.reasons()).extracting(Reason::code, Reason::text, Reason::points)
        .containsExactly(
            tuple("OVERRIDE_SEXUAL_HARM", "强制报告情形：性侵害或女童怀孕", 0),
            tuple("OVERRIDE_HARM_IN_PROGRESS", "侵害正在发生", 0),
            tuple("A_REPEATED_OR_CRIMINAL", "监护人多次侵害或涉嫌犯罪", 25),
            tuple("C_AGE", "儿童 13 岁（12–15 岁）", 2),
            tuple("LEVEL_BY_OVERRIDE", "存在直接定级情形，定为一级（红），总分 27 分", 0));
    assertThat(score.toVariables())
        .containsEntry("riskLevel", "RED")
        .containsEntry("riskScore", 27)
        .containsEntry("riskOverride", true);
  }

  @ParameterizedTest(name = "thresholds {0}/{1}/{2} → {3}")
  @CsvSource({
      "60, 40, 20, YELLOW",
      "30, 25, 10, RED",
      "50, 30, 20, ORANGE",
      "80, 50, 34, GREEN",
  })
  void thresholdsComeFromThePolicy(int red, int orange, int yellow, RiskLevel level) {
    ScoringPolicy policy = new ScoringPolicy(
        null, null, null, null, null, new Thresholds(red, orange, yellow), null);
    AssessmentAnswers thirtyThree = answers(
        "childAge=4 guardianHarm=NEGLECT_OR_VERBAL singleParent income=BELOW_TWICE_DIBAO "
            + "noOtherAbleGuardian");

    RiskScore score = new RiskScoring(policy).score(thirtyThree);

    assertThat(score.total()).isEqualTo(33);
    assertThat(score.level()).isEqualTo(level);
  }

  @Test
  void article21AgesComeFromThePolicy() {
    ScoringPolicy policy = new ScoringPolicy(
        null, null, null, null, null, null, new Article21(10, 14));

    RiskScore withoutCare = new RiskScoring(policy).score(answers("childAge=9 withoutCare"));
    RiskScore livingAlone = new RiskScoring(policy).score(answers("childAge=14 livingAlone"));

    assertThat(withoutCare.level()).isEqualTo(RiskLevel.RED);
    assertThat(withoutCare.reasons()).extracting(Reason::text)
        .contains("未满 10 周岁处于无人看护状态（未成年人保护法第二十一条）");
    assertThat(livingAlone.override()).isFalse();
  }

  @Test
  void aPartialPolicyKeepsTheDefaultsOfWhatItLeavesOut() {
    ScoringPolicy partial = new ScoringPolicy(
        null, new GuardianCapacityPoints(null, null, 8, null), null, null, null,
        new Thresholds(70, null, null), null);

    assertThat(partial.guardianCapacity()).isEqualTo(new GuardianCapacityPoints(10, 5, 8, 20));
    assertThat(partial.thresholds()).isEqualTo(new Thresholds(70, 40, 20));
    assertThat(partial.guardianHarm()).isEqualTo(ScoringPolicy.defaults().guardianHarm());
    assertThat(ScoringPolicy.defaults().childVulnerability().ageBands()).containsExactly(
        new AgeBand(0, 8), new AgeBand(6, 5), new AgeBand(12, 2), new AgeBand(16, 0));
    assertThatThrownBy(() -> new Thresholds(40, 60, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromVariablesReadsStringsAndTypedValues() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("childAge", "9");
    variables.put("singleParent", "true");
    variables.put("housingHazards", " TRUE ");
    variables.put("livingAlone", "false");
    variables.put("organisedBegging", Boolean.TRUE);
    variables.put("guardianHarm", "NEGLECT_OR_VERBAL");
    variables.put("income", IncomeLevel.BELOW_DIBAO);

    AssessmentAnswers answers = AssessmentAnswers.fromVariables(variables);

    assertThat(answers.childAge()).isEqualTo(9);
    assertThat(answers.singleParent()).isTrue();
    assertThat(answers.housingHazards()).isTrue();
    assertThat(answers.livingAlone()).isFalse();
    assertThat(answers.organisedBegging()).isTrue();
    assertThat(answers.guardianHarm()).isEqualTo(GuardianHarm.NEGLECT_OR_VERBAL);
    assertThat(answers.income()).isEqualTo(IncomeLevel.BELOW_DIBAO);
    assertThat(AssessmentAnswers.fromVariables(Map.of("childAge", 9L)).childAge()).isEqualTo(9);
  }

  @Test
  void fromVariablesTakesMissingAnswersAsTheLowest() {
    AssessmentAnswers answers = AssessmentAnswers.fromVariables(
        Map.of("childAge", 12, "guardianHarm", ""));

    assertThat(answers).isEqualTo(new AssessmentAnswers(false, false, false, false, false, false,
        false, false, false, false, false, 12, GuardianHarm.NONE, false, false, false, false,
        false, IncomeLevel.ADEQUATE, false, false, false, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "singleParent=true            | childAge is missing",
      "childAge=                    | childAge is missing",
      "childAge=7.5                 | childAge must be a whole number",
      "childAge=7 singleParent=yes  | singleParent must be true or false",
      "childAge=7 income=POOR       | income must be one of",
  })
  void fromVariablesNamesTheFieldItCannotRead(String answers, String message) {
    assertThatThrownBy(() -> answers(answers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void variablesRoundTrip() {
    AssessmentAnswers answers = answers("childAge=4 guardianHarm=INJURY_OR_PRIOR_WARNING "
        + "singleParent income=BELOW_DIBAO withoutCare eligibleForAidButNotReceiving");

    Map<String, Object> variables = answers.toVariables();

    assertThat(variables).hasSize(24)
        .containsEntry("childAge", 4)
        .containsEntry("guardianHarm", "INJURY_OR_PRIOR_WARNING")
        .containsEntry("withoutCare", true)
        .containsEntry("livingAlone", false);
    assertThat(AssessmentAnswers.fromVariables(variables)).isEqualTo(answers);
  }

  private static AssessmentAnswers answers(String spec) {
    Map<String, Object> variables = new HashMap<>();
    for (String answer : spec.trim().split("\\s+")) {
      int equals = answer.indexOf('=');
      if (equals < 0) {
        variables.put(answer, "true");
      } else {
        variables.put(answer.substring(0, equals), answer.substring(equals + 1));
      }
    }
    return AssessmentAnswers.fromVariables(variables);
  }

  private static ScoringPolicy policy(GuardianHarmPoints a, GuardianCapacityPoints b,
      ChildVulnerabilityPoints c, LivingConditionsPoints d, SupportNetworkPoints e) {
    return new ScoringPolicy(a, b, c, d, e, null, null);
  }

  private static int points(RiskScore score, String dimension) {
    return switch (dimension) {
      case "A" -> score.a();
      case "B" -> score.b();
      case "C" -> score.c();
      case "D" -> score.d();
      case "E" -> score.e();
      default -> throw new IllegalArgumentException(dimension);
    };
  }
}
