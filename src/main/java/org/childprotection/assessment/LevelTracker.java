package org.childprotection.assessment;

/**
 * The level a case works at, given a new score: a worse score raises it at once; a better one
 * lowers it only after enough lower scores in a row (SPEC 4, step 6), and then to the higher of
 * those lower scores.
 */
public final class LevelTracker {

  /** The level to work at, whether it rose, and the run of lower scores so far. */
  public record Outcome(RiskLevel level, boolean worsened, int lowerStreak, RiskLevel lowestRun) {}

  private LevelTracker() {}

  /**
   * @param current the level the case works at, or null at the first assessment
   * @param scored the level of the new score
   * @param lowerStreak lower scores in a row before this one
   * @param highestOfRun the highest level among those lower scores, or null
   */
  public static Outcome next(RiskLevel current, RiskLevel scored, int lowerStreak,
      RiskLevel highestOfRun, int needed) {
    if (current == null) {
      return new Outcome(scored, false, 0, null);
    }
    if (scored.isHigherThan(current)) {
      return new Outcome(scored, true, 0, null);
    }
    if (!current.isHigherThan(scored)) {
      return new Outcome(current, false, 0, null);
    }
    RiskLevel highest = highestOfRun == null || scored.isHigherThan(highestOfRun)
        ? scored : highestOfRun;
    int streak = lowerStreak + 1;
    if (streak >= needed) {
      return new Outcome(highest, false, 0, null);
    }
    return new Outcome(current, false, streak, highest);
  }
}
