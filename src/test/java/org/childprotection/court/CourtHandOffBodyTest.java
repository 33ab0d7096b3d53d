package org.childprotection.court;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.childprotection.court.CourtApplications.Application;
import org.childprotection.registry.Cases.Case;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The application as the court's system receives it, built without an engine or a court. */
@Tag("no-database")
class CourtHandOffBodyTest {

  private static final Case CASE = new Case(1, "NJ-2026-0001", 7, "qixia", "OPEN",
      "LEFT_BEHIND,DOMESTIC_VIOLENCE", true, false, "RED", "instance", null, null, null, null,
      null);

  @Test
  void theBodyCarriesTheCaseSummaryTheGroundsAndTheEvidence() {
    Map<String, Object> body = CourtHandOff.body(CASE, application("SALE,NEGLECT_6_MONTHS"),
        "伤情照片");

    assertThat(body).containsExactly(
        Map.entry("applicationNumber", "SQ-2026-0001"),
        Map.entry("applicationType", "REVOCATION"),
        Map.entry("caseNumber", "NJ-2026-0001"),
        Map.entry("district", "qixia"),
        Map.entry("categories", List.of("LEFT_BEHIND", "DOMESTIC_VIOLENCE")),
        Map.entry("riskLevel", "RED"),
        Map.entry("legalGrounds", List.of("SALE", "NEGLECT_6_MONTHS")),
        Map.entry("applicant", "CIVIL_AFFAIRS"),
        Map.entry("procuratorateSupport", true),
        Map.entry("evidenceList", "伤情照片"));
  }

  @Test
  void anApplicationWithoutGroundsSendsAnEmptyList() {
    assertThat(CourtHandOff.body(CASE, application(null), null))
        .containsEntry("legalGrounds", List.of());
  }

  private static Application application(String grounds) {
    return new Application(3, "SQ-2026-0001", 1, "REVOCATION", grounds, "CIVIL_AFFAIRS", true,
        "FILED", null, null, null, null, null, null, null, null, null);
  }
}
