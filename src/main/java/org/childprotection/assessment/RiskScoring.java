package org.childprotection.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.childprotection.assessment.RiskScore.Reason;
import org.childprotection.assessment.ScoringPolicy.AgeBand;
import org.childprotection.assessment.ScoringPolicy.Thresholds;

/**
 * The risk model of SPEC 4a as a pure function of the answers and the policy, so that a level
 * can be tested without an engine and explained later from the stored answers alone.
 */
public class RiskScoring {

  private final ScoringPolicy policy;

  public RiskScoring(ScoringPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public RiskScore score(AssessmentAnswers answers) {
    List<Reason> reasons = new ArrayList<>();
    addOverrides(answers, reasons);
    boolean override = !reasons.isEmpty();
    // Points are computed even under an override: they show the needs behind the case and
    // decide the level once the override situation has passed.
    int a = guardianHarm(answers, reasons);
    int b = guardianCapacity(answers, reasons);
    int c = childVulnerability(answers, reasons);
    int d = livingConditions(answers, reasons);
    int e = supportNetwork(answers, reasons);
    int total = a + b + c + d + e;
    RiskLevel level;
    if (override) {
      level = RiskLevel.RED;
      reasons.add(new Reason("LEVEL_BY_OVERRIDE",
          "存在直接定级情形，定为" + level.chineseName() + "，总分 " + total + " 分", 0));
    } else {
      level = levelByPoints(total);
      reasons.add(new Reason("LEVEL_BY_POINTS",
          "总分 " + total + " 分，属 " + range(level) + "，定为" + level.chineseName(), 0));
    }
    return new RiskScore(a, b, c, d, e, total, level, override, reasons);
  }

  private void addOverrides(AssessmentAnswers x, List<Reason> reasons) {
    addOverride(reasons, x.injuryToPrivateParts(), "INJURY_TO_PRIVATE_PARTS",
        "强制报告情形：生殖器官或隐私部位遭受非正常损伤");
    addOverride(reasons, x.sexualHarmOrPregnancy(), "SEXUAL_HARM",
        "强制报告情形：性侵害或女童怀孕");
    addOverride(reasons, x.multipleInjuriesOrSevereMalnutrition(), "MULTIPLE_INJURIES",
        "强制报告情形：身体多处损伤、严重营养不良或意识不清");
    addOverride(reasons, x.disabilityOrDeathFromAbnormalCause(), "ABNORMAL_DISABILITY_OR_DEATH",
        "强制报告情形：非正常原因致残或死亡");
    addOverride(reasons, x.abandonedOrLongWithoutCare(), "ABANDONED",
        "强制报告情形：被遗弃或长期处于无人照料状态");
    addOverride(reasons, x.unknownOriginMissingOrTrafficked(), "MISSING_OR_TRAFFICKED",
        "强制报告情形：来源不明、失踪或被拐卖");
    addOverride(reasons, x.organisedBegging(), "ORGANISED_BEGGING",
        "强制报告情形：被组织乞讨");
    addOverride(reasons, x.imminentDanger(), "IMMINENT_DANGER",
        "强制报告情形：正面临不法侵害危险");
    addOverride(reasons, x.harmInProgress(), "HARM_IN_PROGRESS",
        "侵害正在发生");
    ScoringPolicy.Article21 article21 = policy.article21();
    addOverride(reasons, x.withoutCare() && x.childAge() < article21.withoutCareUnderAge(),
        "YOUNG_CHILD_WITHOUT_CARE", "未满 " + article21.withoutCareUnderAge()
            + " 周岁处于无人看护状态（未成年人保护法第二十一条）");
    addOverride(reasons, x.livingAlone() && x.childAge() < article21.livingAloneUnderAge(),
        "CHILD_LIVING_ALONE", "未满 " + article21.livingAloneUnderAge()
            + " 周岁脱离监护单独生活（未成年人保护法第二十一条）");
  }

  private static void addOverride(List<Reason> reasons, boolean applies, String code,
      String text) {
    if (applies) {
      reasons.add(new Reason(RiskScore.OVERRIDE_PREFIX + code, text, 0));
    }
  }

  private int guardianHarm(AssessmentAnswers x, List<Reason> reasons) {
    ScoringPolicy.GuardianHarmPoints points = policy.guardianHarm();
    Dimension dimension = new Dimension("A", "监护侵害", points.cap(), reasons);
    dimension.add(true, x.guardianHarm().name(), x.guardianHarm().chineseName(),
        points.pointsFor(x.guardianHarm()));
    return dimension.total();
  }

  private int guardianCapacity(AssessmentAnswers x, List<Reason> reasons) {
    ScoringPolicy.GuardianCapacityPoints points = policy.guardianCapacity();
    Dimension dimension = new Dimension("B", "监护能力", points.cap(), reasons);
    dimension.add(x.guardianIncapacity(), "GUARDIAN_INCAPACITY",
        "监护人因疾病、残疾、服刑、吸毒、赌博或酗酒无力监护", points.guardianIncapacity());
    dimension.add(x.refusesToEntrustCare(), "REFUSES_TO_ENTRUST_CARE",
        "监护人拒绝委托他人代为照护", points.refusesToEntrustCare());
    dimension.add(x.singleParent(), "SINGLE_PARENT", "单亲家庭", points.singleParent());
    return dimension.total();
  }

  private int childVulnerability(AssessmentAnswers x, List<Reason> reasons) {
    ScoringPolicy.ChildVulnerabilityPoints points = policy.childVulnerability();
    Dimension dimension = new Dimension("C", "儿童脆弱性", points.cap(), reasons);
    List<AgeBand> bands = points.ageBands();
    for (int i = bands.size() - 1; i >= 0; i--) {
      AgeBand band = bands.get(i);
      if (x.childAge() >= band.fromAge()) {
        String range = i == bands.size() - 1
            ? band.fromAge() + " 岁及以上"
            : band.fromAge() + "–" + (bands.get(i + 1).fromAge() - 1) + " 岁";
        dimension.add(true, "AGE", "儿童 " + x.childAge() + " 岁（" + range + "）",
            band.points());
        break;
      }
    }
    dimension.add(x.disabilityOrSeriousIllness(), "DISABILITY_OR_SERIOUS_ILLNESS",
        "儿童残疾或患重病", points.disabilityOrSeriousIllness());
    dimension.add(x.mentalOrBehaviourProblems(), "MENTAL_OR_BEHAVIOUR_PROBLEMS",
        "儿童有心理或行为问题", points.mentalOrBehaviourProblems());
    return dimension.total();
  }

  private int livingConditions(AssessmentAnswers x, List<Reason> reasons) {
    ScoringPolicy.LivingConditionsPoints points = policy.livingConditions();
    Dimension dimension = new Dimension("D", "生活条件", points.cap(), reasons);
    dimension.add(true, x.income().name(), "家庭人均收入" + x.income().chineseName(),
        points.pointsFor(x.income()));
    dimension.add(x.housingHazards(), "HOUSING_HAZARDS", "住房存在安全隐患",
        points.housingHazards());
    dimension.add(x.separatedFromParentsOver12Months(), "SEPARATED_FROM_PARENTS",
        "与父母分离超过12个月", points.separatedFromParents());
    return dimension.total();
  }

  private int supportNetwork(AssessmentAnswers x, List<Reason> reasons) {
    ScoringPolicy.SupportNetworkPoints points = policy.supportNetwork();
    Dimension dimension = new Dimension("E", "支持网络", points.cap(), reasons);
    dimension.add(x.noOtherAbleGuardian(), "NO_OTHER_ABLE_GUARDIAN",
        "无其他有能力的监护人", points.noOtherAbleGuardian());
    dimension.add(x.noContactWithSchoolOrCommunity(), "NO_CONTACT_WITH_SCHOOL_OR_COMMUNITY",
        "与学校、社区缺乏联系", points.noContactWithSchoolOrCommunity());
    dimension.add(x.eligibleForAidButNotReceiving(), "ELIGIBLE_FOR_AID_BUT_NOT_RECEIVING",
        "符合救助条件但未获救助", points.eligibleForAidButNotReceiving());
    return dimension.total();
  }

  private RiskLevel levelByPoints(int total) {
    Thresholds thresholds = policy.thresholds();
    if (total >= thresholds.red()) {
      return RiskLevel.RED;
    }
    if (total >= thresholds.orange()) {
      return RiskLevel.ORANGE;
    }
    return total >= thresholds.yellow() ? RiskLevel.YELLOW : RiskLevel.GREEN;
  }

  private String range(RiskLevel level) {
    Thresholds thresholds = policy.thresholds();
    return switch (level) {
      case RED -> thresholds.red() + " 分及以上";
      case ORANGE -> thresholds.orange() + "–" + (thresholds.red() - 1) + " 分";
      case YELLOW -> thresholds.yellow() + "–" + (thresholds.orange() - 1) + " 分";
      case GREEN -> thresholds.yellow() + " 分以下";
    };
  }

  /**
   * The answers that scored in one dimension. When they exceed the cap, a reason records the
   * cut so that the reasons still add up to the total a person sees.
   */
  private static final class Dimension {

    private final String letter;
    private final String name;
    private final int cap;
    private final List<Reason> reasons;
    private int sum;

    Dimension(String letter, String name, int cap, List<Reason> reasons) {
      this.letter = letter;
      this.name = name;
      this.cap = cap;
      this.reasons = reasons;
    }

    void add(boolean applies, String code, String text, int points) {
      if (applies && points != 0) {
        reasons.add(new Reason(letter + "_" + code, text, points));
        sum += points;
      }
    }

    int total() {
      if (sum <= cap) {
        return sum;
      }
      reasons.add(new Reason(letter + "_CAPPED",
          name + "（" + letter + "）合计 " + sum + " 分，按上限计 " + cap + " 分", cap - sum));
      return cap;
    }
  }
}
