package org.childprotection.registry;

/**
 * The guardianship part of a case file, provided by the guardianship and court features, so the
 * registry does not depend on them.
 */
public interface GuardianshipRecords {

  CaseFile.GuardianshipProceedings proceedingsOf(long caseId);
}
