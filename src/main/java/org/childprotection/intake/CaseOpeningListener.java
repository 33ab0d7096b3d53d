package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.CASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.childprotection.registry.CaseBinding.CaseMismatchException;
import org.childprotection.registry.Cases;
import org.springframework.stereotype.Component;

/**
 * 收到报告: as a case's process starts, the case the intake is opening ({@link CaseOpening}) is
 * registered with the instance as its own, before the first step runs, so that every step, the
 * first included, finds its case ({@code CaseBinding}); the instance gets the case's id. Only the
 * intake's own start finds a case to open, with the instance's business key as its number and
 * the instance's district: any other start is refused and leaves nothing behind.
 */
@Component("caseOpening")
public class CaseOpeningListener implements ExecutionListener {

  private final Cases cases;

  public CaseOpeningListener(Cases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseOpening opening = CaseOpening.pending()
        .filter(o -> o.isFor(execution.getProcessBusinessKey(), execution.getTenantId()))
        .orElseThrow(() -> new CaseMismatchException(CASE_ID.name()));
    long caseId = cases.open(opening.caseNumber(), opening.childId(), opening.district(),
        opening.categories(), opening.danger(), opening.danger(),
        execution.getProcessInstanceId());
    execution.getProcessInstance().setVariable(CASE_ID.name(), caseId);
    opening.registered(caseId);
  }
}
