package org.childprotection.registry;

import java.util.Arrays;
import java.util.Optional;

/** The five groups of children the plan protects (三、救助保护工作对象). */
public enum Category {
  STREET_BEGGING("流浪乞讨"),
  GUARDIANSHIP_LACKING("监护缺失"),
  LEFT_BEHIND("留守流动"),
  DOMESTIC_VIOLENCE("家庭暴力"),
  SPECIAL_HARDSHIP("特殊困难");

  private final String chineseName;

  Category(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<Category> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }

  public static Optional<Category> ofChineseName(String name) {
    return Arrays.stream(values()).filter(c -> c.chineseName.equals(name.trim())).findFirst();
  }
}
