package org.childprotection.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/reports} (SPEC section 7). Fields arrive as text and are checked
 * by {@link ReportValidator}, so that every mistake is answered with its field and reason.
 */
public record ReportRequest(
    @Schema(description = "报告渠道代码，如 HOTLINE_12345、POLICE_110、YOUTH_12355、DEPARTMENT_NOTICE",
        requiredMode = Schema.RequiredMode.REQUIRED)
    String channel,
    @Schema(description = "渠道的工单号；同一渠道同一工单号重复提交不会重复立案")
    String channelTicketId,
    @Schema(description = "受理时间，ISO 8601，如 2026-11-28T09:30:00+08:00；不填为收到时")
    String receivedAt,
    Reporter reporter,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    Child child,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    Location location,
    @Schema(description = "怀疑的困境类别代码，至少一个，如 DOMESTIC_VIOLENCE、LEFT_BEHIND",
        requiredMode = Schema.RequiredMode.REQUIRED)
    List<String> suspectedCategories,
    @Schema(description = "儿童是否正处于危险之中（是则立即处置）")
    Boolean immediateDanger,
    @Schema(description = "情况描述")
    String description,
    List<Guardian> guardians) {

  /** Who reported. */
  public record Reporter(String name, String phone, String type, String organisation) {}

  /** The child the report is about. */
  @Schema(name = "ReportedChild")
  public record Child(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(description = "18 位身份证号；身份证号、出生日期、估计年龄须有其一") String idNumber,
      @Schema(description = "M（男）、F（女）或 U（不详）",
          requiredMode = Schema.RequiredMode.REQUIRED) String gender,
      @Schema(description = "出生日期，yyyy-MM-dd") String birthDate,
      @Schema(description = "估计年龄（周岁），不知出生日期时填写") Integer estimatedAge,
      @Schema(description = "户籍：LOCAL（本市）或 NONLOCAL（外地）") String household) {}

  /** Where the child lives or was found. */
  public record Location(
      @Schema(description = "区代码，如 gulou", requiredMode = Schema.RequiredMode.REQUIRED)
      String district, String street, String community, String address) {}

  /** A guardian, when the reporter knows one. */
  @Schema(name = "ReportedGuardian")
  public record Guardian(String name, String relation, String phone, String status) {}
}
