package org.childprotection.assessment;

/** Answer D of the needs instrument: the family's income per head against the local 低保 line. */
public enum IncomeLevel {
  BELOW_DIBAO("低于低保"),
  BELOW_TWICE_DIBAO("低于2倍低保"),
  ADEQUATE("不低于2倍低保");

  private final String chineseName;

  IncomeLevel(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
