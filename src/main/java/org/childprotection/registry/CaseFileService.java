package org.childprotection.registry;

import java.util.Arrays;
import org.camunda.bpm.engine.HistoryService;
import org.childprotection.api.NotFoundException;
import org.childprotection.registry.Cases.Case;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a case file for a caller the engine lets see the case: the engine's tenant check
 * and authorizations on the case's process instance decide, as they do in Tasklist and Cockpit.
 * Every read is written to the audit log.
 */
@Service
public class CaseFileService {

  private final Cases cases;
  private final Children children;
  private final Reports reports;
  private final Assessments assessments;
  private final Referrals referrals;
  private final Visits visits;
  private final AuditLog audit;
  private final HistoryService history;
  private final GuardianshipRecords guardianship;

  public CaseFileService(Cases cases, Children children, Reports reports,
      Assessments assessments, Referrals referrals, Visits visits, AuditLog audit,
      HistoryService history, GuardianshipRecords guardianship) {
    this.cases = cases;
    this.children = children;
    this.reports = reports;
    this.assessments = assessments;
    this.referrals = referrals;
    this.visits = visits;
    this.audit = audit;
    this.history = history;
    this.guardianship = guardianship;
  }

  @Transactional
  public CaseFile read(String caseNumber, String reader) {
    Case found = cases.byNumber(caseNumber)
        .filter(this::visibleToCaller)
        .orElseThrow(() -> new NotFoundException("caseNumber", "案件不存在或无权查看"));
    audit.record(reader, "READ_CASE_FILE", caseNumber);
    return new CaseFile(found.caseNumber(), found.status(), found.district(),
        Arrays.asList(found.categories().split(",")), found.urgent(), found.immediateDanger(),
        found.riskLevel(), found.processInstanceId(), found.openedAt(), found.closedAt(),
        found.closureReason(), found.closureNote(),
        children.byId(found.childId()), children.guardians(found.childId()),
        reports.ofCase(found.id()), assessments.ofCase(found.id()),
        referrals.ofCase(found.id()), visits.ofCase(found.id()),
        guardianship.proceedingsOf(found.id()));
  }

  /**
   * Whether the caller may read the case, as the engine's checks decide for its instance: its
   * number is told only to those (a merged report's answer, a refused second case).
   */
  public boolean mayRead(String caseNumber) {
    return cases.byNumber(caseNumber).filter(this::visibleToCaller).isPresent();
  }

  /** The engine answers with the caller's authentication, set for the request. */
  private boolean visibleToCaller(Case found) {
    return found.processInstanceId() != null && history.createHistoricProcessInstanceQuery()
        .processInstanceId(found.processInstanceId()).count() == 1;
  }
}
