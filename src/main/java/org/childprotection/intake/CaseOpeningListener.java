package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.CASE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding.CaseMismatchException;
import org.childprotection.registry.Cases;
import org.springframework.stereotype.Component;

/**
 * 收到报告: as a case's process starts, the case just registered records the instance as its
 * own, before the first step runs, so that every step, the first included, finds its case
 * ({@code CaseBinding}). Only the case named by {@code caseId}, with the instance's business key
 * as its number and the instance's district, and without an instance yet, is linked; a start
 * with any other variables is refused and leaves nothing behind.
 */
@Component("caseOpening")
public class CaseOpeningListener implements ExecutionListener {

  private final Cases cases;

  public CaseOpeningListener(Cases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object caseId = StepVariables.of(execution).stored(CASE_ID);
    if (!(caseId instanceof Number id) || !cases.linkProcessInstance(id.longValue(),
        execution.getProcessBusinessKey(), execution.getTenantId(),
        execution.getProcessInstanceId())) {
      throw new CaseMismatchException(CASE_ID.name());
    }
  }
}
