package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The case as a member unit sees it (view UNIT): the child's name, gender, age, district and
 * street, the case's categories and level, and what each of the unit's referrals asks and why.
 * No ID number, birth date, address, guardians, reporters, assessments, notes or timeline.
 */
public record UnitCaseFile(
    String caseNumber,
    String status,
    String district,
    String districtName,
    List<TaskContext.Code> categories,
    boolean urgent,
    String riskLevel,
    String riskLevelName,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt,
    UnitChild child,
    List<UnitReferral> referrals,
    List<CaseFile.OtherCase> otherCases,
    String view) {

  /** What a unit knows of the child. */
  public record UnitChild(String name, String gender, String genderName, Integer age,
      String district, String districtName, String street) {}

  /** One of the unit's own referrals: status, due date, and why it was sent. */
  public record UnitReferral(String unit, String unitName, String status, OffsetDateTime dueAt,
      OffsetDateTime completedAt, String why) {}
}
