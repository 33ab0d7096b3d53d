package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;

/** A child's whole case (SPEC section 7, {@code GET /api/cases/{caseNumber}}). */
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
    GuardianshipProceedings guardianship) {

  /** 监护干预: measures taken, applications to the court with their rulings, new guardians. */
  public record GuardianshipProceedings(List<?> measures, List<?> applications,
      List<?> placements) {}
}
