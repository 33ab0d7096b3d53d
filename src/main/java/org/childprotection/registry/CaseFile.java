package org.childprotection.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A child's whole case (SPEC sections 7 and 10, {@code GET /api/cases/{caseNumber}}) in the
 * FULL view, and in the POLICE view with the child's ID number masked.
 */
public record CaseFile(
    String caseNumber,
    String status,
    String district,
    List<String> categories,
    boolean urgent,
    boolean immediateDanger,
    String riskLevel,
    String processInstanceId,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt,
    String closureReason,
    String closureNote,
    Children.Child child,
    List<Children.Guardian> guardians,
    List<Reports.Report> reports,
    List<Assessments.Assessment> assessments,
    List<Referrals.Referral> referrals,
    List<Visits.Visit> visits,
    GuardianshipProceedings guardianship,
    String view,
    String districtName,
    String riskLevelName,
    List<OtherCase> otherCases,
    List<NoteView> notes,
    List<CaseAttachments.AttachmentView> attachments,
    List<NotificationView> notifications,
    List<CaseTimeline.Entry> timeline) {

  /** 监护干预: measures taken, applications to the court with their rulings, new guardians. */
  public record GuardianshipProceedings(List<?> measures, List<?> applications,
      List<?> placements) {}

  /** Another case of the same child that the caller may read. */
  public record OtherCase(String caseNumber, String status, OffsetDateTime openedAt,
      OffsetDateTime closedAt) {}

  /** A case note as the API shows it ({@code corrects} null for a note that corrects none). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record NoteView(long id, String text, String author, String authorName,
      OffsetDateTime createdAt, @Schema(nullable = true) Long corrects) {}

  /** A notification sent about the case. */
  public record NotificationView(OffsetDateTime at, String recipient, String subject,
      String channel) {}

  /** The same file with other facts about the case (the later parts, the view). */
  CaseFile with(String view, List<OtherCase> otherCases, List<NoteView> notes,
      List<CaseAttachments.AttachmentView> attachments, List<NotificationView> notifications,
      List<CaseTimeline.Entry> timeline) {
    return new CaseFile(caseNumber, status, district, categories, urgent, immediateDanger,
        riskLevel, processInstanceId, openedAt, closedAt, closureReason, closureNote, child,
        guardians, reports, assessments, referrals, visits, guardianship, view, districtName,
        riskLevelName, otherCases, notes, attachments, notifications, timeline);
  }
}
