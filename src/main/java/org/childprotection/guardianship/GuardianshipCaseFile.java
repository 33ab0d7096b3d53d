package org.childprotection.guardianship;

import org.childprotection.court.CourtApplications;
import org.childprotection.registry.CaseFile.GuardianshipProceedings;
import org.childprotection.registry.GuardianshipRecords;
import org.springframework.stereotype.Component;

/** Measures, court applications (with court case number and ruling) and placements of a case. */
@Component
public class GuardianshipCaseFile implements GuardianshipRecords {

  private final Measures measures;
  private final CourtApplications applications;

  public GuardianshipCaseFile(Measures measures, CourtApplications applications) {
    this.measures = measures;
    this.applications = applications;
  }

  @Override
  public GuardianshipProceedings proceedingsOf(long caseId) {
    return new GuardianshipProceedings(measures.ofCase(caseId), applications.ofCase(caseId),
        measures.placementsOf(caseId));
  }
}
