package org.childprotection.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Nanjing's eleven districts. The code is the API's district code, the tenant id of every case
 * in that district, and the suffix of the district social workers' group.
 */
public enum District {
  XUANWU("xuanwu", "玄武区"),
  QINHUAI("qinhuai", "秦淮区"),
  JIANYE("jianye", "建邺区"),
  GULOU("gulou", "鼓楼区"),
  PUKOU("pukou", "浦口区"),
  QIXIA("qixia", "栖霞区"),
  YUHUATAI("yuhuatai", "雨花台区"),
  JIANGNING("jiangning", "江宁区"),
  LUHE("luhe", "六合区"),
  LISHUI("lishui", "溧水区"),
  GAOCHUN("gaochun", "高淳区");

  private final String code;
  private final String chineseName;

  District(String code, String chineseName) {
    this.code = code;
    this.chineseName = chineseName;
  }

  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  public String tenantId() {
    return code;
  }

  public String groupId() {
    return "district-" + code;
  }

  /** The name of the district's social workers' group, as Tasklist shows a task's groups. */
  public String groupName() {
    return chineseName + "民政/社工";
  }

  public static Optional<District> ofCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }

  /** Accepts the full name (鼓楼区) or the short one (鼓楼), as ledgers write both. */
  public static Optional<District> ofChineseName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String trimmed = name.trim();
    return Arrays.stream(values())
        .filter(d -> d.chineseName.equals(trimmed) || d.chineseName.equals(trimmed + "区"))
        .findFirst();
  }
}
