package org.childprotection.assessment;

/**
 * The level a case works at, given a new score (SPEC 4 step 6 and 4a): a worse score raises it
 * at once; a lower one counts only when the level's re-score is due, and lowers the level only
 * after enough lower re-scores in a row, then to the higher of those lower scores. A score that
 * is not lower, at any visit, breaks the run.
 */
public final class LevelTracker {

  /**
   * The level to work at, whether it rose, the run of lower re-scores so far, and whether this
   * score was the level's re-score (so that the next one is counted from it).
   */
  public record Outcome(RiskLevel level, boolean worsened, int lowerStreak, RiskLevel lowestRun,
      boolean rescored) {}

  private LevelTracker() {}

  /**
   * @param current the level the case works at, or null at the first assessment
   * @param scored the level of the new score
   * @param lowerStreak lower re-scores in a row before this one
   * @param highestOfRun the highest level among those lower re-scores, or null
   * @param needed lower re-scores in a row that lower the level
   * @param rescoreDue whether the current level's re-score is due
   */
  public static Outcome next(RiskLevel current, RiskLevel scored, int lowerStreak,
      RiskLevel highestOfRun, int needed, boolean rescoreDue) {
    if (current == null) {
      return new Outcome(scored, false, 0, null, true);
    }
    if (scored.isHigherThan(current)) {
      return new Outcome(scored, true, 0, null, true);
    }
    if (!current.isHigherThan(scored)) {
      return new Outcome(current, false, 0, null, rescoreDue);
    }
    if (!rescoreDue) {
      return new Outcome(current, false, lowerStreak, highestOfRun, false);
    }
    RiskLevel highest = highestOfRun == null || scored.isHigherThan(highestOfRun)
        ? scored : highestOfRun;
    int streak = lowerStreak + 1;
    if (streak >= needed) {
      return new Outcome(highest, false, 0, null, true);
    }
    return new Outcome(current, false, streak, highest, true);
  }
}
