package org.childprotection.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

  /**
   * Refuses a policy table keyed by level (SPEC 4a's columns) that leaves a level out: a case at
   * that level would fail at the step that reads it, long after start-up.
   */
  public static void requireEveryLevel(Map<String, ?> table, String setting) {
    List<String> missing = Arrays.stream(values()).map(Enum::name)
        .filter(level -> table == null || table.get(level) == null).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(setting + " has no value for " + missing);
    }
  }
}
