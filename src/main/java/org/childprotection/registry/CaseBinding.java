package org.childprotection.registry;

import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.CASE_ID;
import static org.childprotection.process.ProcessVariables.CASE_NUMBER;
import static org.childprotection.process.ProcessVariables.CHILD_ID;
import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.RESTORATION_APPLICATION_NUMBER;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.ProcessVariable;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.Cases.Case;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which case a step works on, told by the engine's own facts and the registry, never by a
 * process variable on trust: the case is the one whose number is the business key of the case's
 * top-level instance and that recorded that instance as its own, in that instance's district
 * (tenant). The variables that name registry rows ({@code caseId}, {@code caseNumber},
 * {@code childId}, {@code district}, court application numbers) must agree with that case; a
 * step that finds otherwise is refused (a user's submission with a 400, a job with retries and
 * then an incident), and nothing is written.
 */
@Component
public class CaseBinding {

  /** The processes that work on one case: the case's own and the ones it calls. */
  public static final Set<String> CASE_PROCESSES =
      Set.of("child-protection-case", "guardianship-transfer", "court-proceedings");

  /** Variables that hold the number of one of the case's court applications. */
  private static final List<ProcessVariable<String>> APPLICATION_VARIABLES =
      List.of(APPLICATION_NUMBER, RESTORATION_APPLICATION_NUMBER);

  private final Cases cases;
  private final JdbcClient jdbc;

  public CaseBinding(Cases cases, JdbcClient jdbc) {
    this.cases = cases;
    this.jdbc = jdbc;
  }

  /** The case this task belongs to, checked. */
  public Case caseOf(DelegateTask task) {
    return caseOf(task.getExecution());
  }

  /** The case this step belongs to, checked. */
  public Case caseOf(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    String number = root.getProcessBusinessKey();
    String rootId = root.getId();
    Case found = Optional.ofNullable(number).flatMap(cases::byNumber)
        .filter(c -> rootId.equals(c.processInstanceId()))
        .orElseThrow(() -> refused(CASE_NUMBER.name()));
    if (!found.district().equals(execution.getTenantId())) {
      throw refused(DISTRICT.name());
    }
    StepVariables variables = StepVariables.of(execution);
    expect(variables, CASE_ID, found.id());
    expect(variables, CASE_NUMBER, found.caseNumber());
    expect(variables, CHILD_ID, found.childId());
    expect(variables, DISTRICT, found.district());
    for (ProcessVariable<String> variable : APPLICATION_VARIABLES) {
      Object application = variables.stored(variable);
      if (application != null && !jdbc.sql(
              "SELECT case_id FROM court_application WHERE application_number = ?")
          .param(application.toString()).query(Long.class).optional()
          .filter(caseId -> caseId == found.id()).isPresent()) {
        throw refused(variable.name());
      }
    }
    return found;
  }

  /**
   * The check every user task of the platform's processes runs when it is completed, before the
   * model's own listeners: a case's task against its case; any other process's {@code district}
   * against the instance's district.
   */
  public void verify(DelegateTask task) {
    verify(task.getExecution());
  }

  /** The same check for a step that writes nothing to the registry itself (a notification). */
  public void verify(DelegateExecution execution) {
    if (CASE_PROCESSES.contains(processKey(execution))) {
      caseOf(execution);
    } else {
      Object district = StepVariables.of(execution).stored(DISTRICT);
      if (district != null && !district.toString().equals(execution.getTenantId())) {
        throw refused(DISTRICT.name());
      }
    }
  }

  /** Compares the value as stored: a forged one is refused, never read. */
  private static void expect(StepVariables variables, ProcessVariable<?> variable,
      Object expected) {
    Object value = variables.stored(variable);
    boolean matches = value == null
        || (value instanceof Number n && expected instanceof Long l
            ? n.longValue() == l : Objects.equals(value.toString(), expected.toString()));
    if (!matches) {
      throw refused(variable.name());
    }
  }

  private static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId == null ? "" : definitionId.substring(0, definitionId.indexOf(':'));
  }

  private static CaseMismatchException refused(String variable) {
    return new CaseMismatchException(variable);
  }

  /** A step whose variables name another case than its own. No value is quoted. */
  public static class CaseMismatchException extends StepRefused {

    public CaseMismatchException(String variable) {
      super(variable, "与本案件的登记信息不符，已拒绝（流程变量不能改变案件、儿童、区或申请编号）");
    }
  }
}
