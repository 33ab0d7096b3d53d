package org.childprotection.court;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/court/rulings} (SPEC section 7). Without {@code outcome} it is the
 * court's acceptance of the application, with its case number and its acceptance date
 * ({@code acceptedDate}, required); with one it is the judgment, which may bring the acceptance
 * date too when the court did not send its acceptance before.
 */
public record CourtCallback(
    @Schema(description = "平台的申请编号（移送法院时给出）", requiredMode = Schema.RequiredMode.REQUIRED)
    String applicationNumber,
    @Schema(description = "法院案号", requiredMode = Schema.RequiredMode.REQUIRED)
    String courtCaseNumber,
    @Schema(description = "受理日期，yyyy-MM-dd；受理时必填")
    String acceptedDate,
    @Schema(description = "判决结果：REVOKED、RESTORED 或 DISMISSED；不填表示受理")
    String outcome,
    @Schema(description = "判决日期，yyyy-MM-dd；判决时必填")
    String rulingDate,
    @Schema(description = "判决指定的监护人")
    String appointedGuardian) {

  @JsonIgnore
  public boolean isRuling() {
    return outcome != null && !outcome.isBlank();
  }
}
