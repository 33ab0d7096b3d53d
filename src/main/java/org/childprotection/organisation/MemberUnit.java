package org.childprotection.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The member units of the leading group (成员单位, section 四 of the plan), each a Camunda group.
 * All of them work at city level and therefore see every district.
 */
public enum MemberUnit {
  PROTECTION_CENTER("protection-center", "市未成年人保护中心", true),
  CIVIL_AFFAIRS("civil-affairs", "市民政局", true),
  POLICE("police", "市公安局", false),
  PROCURATORATE("procuratorate", "市检察院", false),
  COURT("court", "市法院", false),
  EDUCATION("education", "市教育局", false),
  HEALTH("health", "市卫生局", false),
  HOUSING("housing", "市住建委", false),
  HRSS("hrss", "市人社局", false),
  JUSTICE("justice", "市司法局", false),
  FINANCE("finance", "市财政局", false),
  POPULATION("population", "市人口计生委", false),
  YOUTH_LEAGUE("youth-league", "团市委", false),
  WOMENS_FEDERATION("womens-federation", "市妇联", false),
  DISABLED_FEDERATION("disabled-federation", "市残联", false);

  private final String groupId;
  private final String chineseName;
  private final boolean supervising;

  MemberUnit(String groupId, String chineseName, boolean supervising) {
    this.groupId = groupId;
    this.chineseName = chineseName;
    this.supervising = supervising;
  }

  public String groupId() {
    return groupId;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Supervising units (民政局 and 保护中心) watch every case in Cockpit and approve plans. */
  public boolean supervising() {
    return supervising;
  }

  public static Optional<MemberUnit> ofGroupId(String groupId) {
    return Arrays.stream(values()).filter(u -> u.groupId.equals(groupId)).findFirst();
  }
}
