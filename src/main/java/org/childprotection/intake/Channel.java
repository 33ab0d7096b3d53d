package org.childprotection.intake;

import java.util.Arrays;
import java.util.Optional;

/** The channels through which a report reaches the platform (报告受理渠道). */
public enum Channel {
  HOTLINE_12345("12345政府热线"),
  POLICE_110("110指挥中心"),
  YOUTH_12355("12355青少年服务台"),
  CIVIL_12349("12349民政服务热线"),
  RESCUE_24H("流浪救助24小时电话"),
  MANDATORY_REPORTER("强制报告责任人"),
  DEPARTMENT_NOTICE("部门信息筛查通报"),
  LEDGER("基础台帐摸底排查"),
  WALK_IN("来访");

  private final String chineseName;

  Channel(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<Channel> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
