package org.childprotection.assessment;

/** The four risk levels of SPEC 4a, declared from the most to the least serious. */
public enum RiskLevel {
  RED("一级/红"),
  ORANGE("二级/橙"),
  YELLOW("三级/黄"),
  GREEN("关注/绿");

  private final String chineseName;

  RiskLevel(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public boolean isHigherThan(RiskLevel other) {
    return ordinal() < other.ordinal();
  }
}
