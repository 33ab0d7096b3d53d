package org.childprotection.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

/**
 * What is shown beside a task ({@code GET /api/tasks/{taskId}/context}): the child, the case,
 * what was reported, the previous step's notes and, for a referral, what is asked of the unit.
 * Fields a view hides are left out of the JSON, not sent empty; a task without a previous step
 * or an ask has them as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskContext(
    String taskId,
    String taskName,
    @Schema(nullable = true) Date due,
    Date created,
    @Schema(nullable = true) String caseNumber,
    @Schema(nullable = true) String status,
    String district,
    String districtName,
    @Schema(nullable = true) Boolean urgent,
    @Schema(nullable = true) Boolean immediateDanger,
    List<Code> categories,
    @Schema(nullable = true) String riskLevel,
    @Schema(nullable = true) String riskLevelName,
    List<String> riskReasons,
    ChildFacts child,
    List<ReportFacts> reports,
    PreviousStep previousStep,
    Ask ask,
    String view) {

  /** A code with its Chinese name. */
  public record Code(String code, String name) {}

  /** The child as the view shows them; {@code idNumber} is masked, and absent for units. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChildFacts(String name, String gender, String genderName, Integer age,
      String idNumber, String address, String whereNow) {}

  /** A report; the reporter and their phone are absent for units, as is the description. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportFacts(OffsetDateTime receivedAt, String channel, String channelName,
      String description, String reporterName, String reporterPhone, boolean immediateDanger) {}

  /** The task completed last before this one in the case's instances, with its form's notes. */
  public record PreviousStep(String name, String completedBy, String completedByName,
      Date completedAt, List<Note> notes) {}

  /** One note-like field of a form: key, the form's label, the value as written. */
  public record Note(String field, String label, String value) {}

  /** What a referral asks of the unit and why. */
  public record Ask(String unit, String unitName, String what, String why) {}
}
