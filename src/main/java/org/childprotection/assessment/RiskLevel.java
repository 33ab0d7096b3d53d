package org.childprotection.assessment;

/**
 * The four risk levels of SPEC 4a, declared from the most to the least serious, with the words
 * of the SPEC (一级/红 … 关注/绿) as every screen, export and text shows them.
 */
public enum RiskLevel {
  RED("一级（红）"),
  ORANGE("二级（橙）"),
  YELLOW("三级（黄）"),
  GREEN("关注（绿）");

  private final String chineseName;

  RiskLevel(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The words of a stored level code, or null for none or an unknown code. */
  public static String chineseNameOf(String code) {
    for (RiskLevel level : values()) {
      if (level.name().equals(code)) {
        return level.chineseName;
      }
    }
    return null;
  }

  public boolean isHigherThan(RiskLevel other) {
    return ordinal() < other.ordinal();
  }
}
