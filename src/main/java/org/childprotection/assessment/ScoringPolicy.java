package org.childprotection.assessment;

import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every number of the risk model (SPEC 4a), so that the analysts can tune it in configuration
 * without a release. Any part left unset keeps its default, which is why each record fills its
 * own nulls: a yaml that changes one threshold still yields a complete policy.
 */
@ConfigurationProperties("minor-protection.scoring")
public record ScoringPolicy(
    GuardianHarmPoints guardianHarm,
    GuardianCapacityPoints guardianCapacity,
    ChildVulnerabilityPoints childVulnerability,
    LivingConditionsPoints livingConditions,
    SupportNetworkPoints supportNetwork,
    Thresholds thresholds,
    Article21 article21) {

  public ScoringPolicy {
    guardianHarm = guardianHarm == null
        ? new GuardianHarmPoints(null, null, null, null, null) : guardianHarm;
    guardianCapacity = guardianCapacity == null
        ? new GuardianCapacityPoints(null, null, null, null) : guardianCapacity;
    childVulnerability = childVulnerability == null
        ? new ChildVulnerabilityPoints(null, null, null, null) : childVulnerability;
    livingConditions = livingConditions == null
        ? new LivingConditionsPoints(null, null, null, null, null, null) : livingConditions;
    supportNetwork = supportNetwork == null
        ? new SupportNetworkPoints(null, null, null, null) : supportNetwork;
    thresholds = thresholds == null ? new Thresholds(null, null, null) : thresholds;
    article21 = article21 == null ? new Article21(null, null) : article21;
  }

  /** The model exactly as SPEC 4a states it. */
  public static ScoringPolicy defaults() {
    return new ScoringPolicy(null, null, null, null, null, null, null);
  }

  /** A: harm done by a guardian. */
  public record GuardianHarmPoints(
      Integer none,
      Integer neglectOrVerbal,
      Integer injuryOrPriorWarning,
      Integer repeatedOrCriminal,
      Integer cap) {

    public GuardianHarmPoints {
      none = none == null ? 0 : none;
      neglectOrVerbal = neglectOrVerbal == null ? 10 : neglectOrVerbal;
      injuryOrPriorWarning = injuryOrPriorWarning == null ? 20 : injuryOrPriorWarning;
      repeatedOrCriminal = repeatedOrCriminal == null ? 25 : repeatedOrCriminal;
      cap = cap == null ? 25 : cap;
    }

    public int pointsFor(GuardianHarm harm) {
      return switch (harm) {
        case NONE -> none;
        case NEGLECT_OR_VERBAL -> neglectOrVerbal;
        case INJURY_OR_PRIOR_WARNING -> injuryOrPriorWarning;
        case REPEATED_OR_CRIMINAL -> repeatedOrCriminal;
      };
    }
  }

  /** B: the guardian's capacity to care. */
  public record GuardianCapacityPoints(
      Integer guardianIncapacity,
      Integer refusesToEntrustCare,
      Integer singleParent,
      Integer cap) {

    public GuardianCapacityPoints {
      guardianIncapacity = guardianIncapacity == null ? 10 : guardianIncapacity;
      refusesToEntrustCare = refusesToEntrustCare == null ? 5 : refusesToEntrustCare;
      singleParent = singleParent == null ? 5 : singleParent;
      cap = cap == null ? 20 : cap;
    }
  }

  /** C: the child's own vulnerability. */
  public record ChildVulnerabilityPoints(
      List<AgeBand> ageBands,
      Integer disabilityOrSeriousIllness,
      Integer mentalOrBehaviourProblems,
      Integer cap) {

    public ChildVulnerabilityPoints {
      ageBands = ageBands == null
          ? List.of(new AgeBand(0, 8), new AgeBand(6, 5), new AgeBand(12, 2), new AgeBand(16, 0))
          : ageBands.stream().sorted(Comparator.comparing(AgeBand::fromAge)).toList();
      disabilityOrSeriousIllness = disabilityOrSeriousIllness == null
          ? 6 : disabilityOrSeriousIllness;
      mentalOrBehaviourProblems = mentalOrBehaviourProblems == null
          ? 6 : mentalOrBehaviourProblems;
      cap = cap == null ? 20 : cap;
    }
  }

  /** A band runs from its age up to the next band's; the last one has no end. */
  public record AgeBand(Integer fromAge, Integer points) {

    public AgeBand {
      if (fromAge == null || points == null) {
        throw new IllegalArgumentException("an age band needs both from-age and points");
      }
    }
  }

  /** D: living conditions. */
  public record LivingConditionsPoints(
      Integer belowDibao,
      Integer belowTwiceDibao,
      Integer adequate,
      Integer housingHazards,
      Integer separatedFromParents,
      Integer cap) {

    public LivingConditionsPoints {
      belowDibao = belowDibao == null ? 10 : belowDibao;
      belowTwiceDibao = belowTwiceDibao == null ? 5 : belowTwiceDibao;
      adequate = adequate == null ? 0 : adequate;
      housingHazards = housingHazards == null ? 5 : housingHazards;
      separatedFromParents = separatedFromParents == null ? 5 : separatedFromParents;
      cap = cap == null ? 20 : cap;
    }

    public int pointsFor(IncomeLevel income) {
      return switch (income) {
        case BELOW_DIBAO -> belowDibao;
        case BELOW_TWICE_DIBAO -> belowTwiceDibao;
        case ADEQUATE -> adequate;
      };
    }
  }

  /** E: the support network around the family. */
  public record SupportNetworkPoints(
      Integer noOtherAbleGuardian,
      Integer noContactWithSchoolOrCommunity,
      Integer eligibleForAidButNotReceiving,
      Integer cap) {

    public SupportNetworkPoints {
      noOtherAbleGuardian = noOtherAbleGuardian == null ? 5 : noOtherAbleGuardian;
      noContactWithSchoolOrCommunity = noContactWithSchoolOrCommunity == null
          ? 5 : noContactWithSchoolOrCommunity;
      eligibleForAidButNotReceiving = eligibleForAidButNotReceiving == null
          ? 5 : eligibleForAidButNotReceiving;
      cap = cap == null ? 15 : cap;
    }
  }

  /** The lowest total of each level; anything below yellow is GREEN. */
  public record Thresholds(Integer red, Integer orange, Integer yellow) {

    public Thresholds {
      red = red == null ? 60 : red;
      orange = orange == null ? 40 : orange;
      yellow = yellow == null ? 20 : yellow;
      // Misordered thresholds would make a level unreachable without anyone noticing.
      if (!(red > orange && orange > yellow)) {
        throw new IllegalArgumentException(
            "thresholds must satisfy red > orange > yellow, not " + red + "/" + orange + "/"
                + yellow);
      }
    }
  }

  /**
   * 未成年人保护法 art. 21: a child younger than these ages may not be left without care, or
   * living alone; either sends the case to RED whatever the points.
   */
  public record Article21(Integer withoutCareUnderAge, Integer livingAloneUnderAge) {

    public Article21 {
      withoutCareUnderAge = withoutCareUnderAge == null ? 8 : withoutCareUnderAge;
      livingAloneUnderAge = livingAloneUnderAge == null ? 16 : livingAloneUnderAge;
    }
  }
}
