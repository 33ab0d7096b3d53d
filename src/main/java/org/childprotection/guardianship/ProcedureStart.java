package org.childprotection.guardianship;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.childprotection.engine.StepRefused;
import org.springframework.stereotype.Component;

/**
 * What a procedure is started with, checked and completed before any of its branches runs. The
 * case enters it from intake or triage ({@code interventionEntry} EMERGENCY: police, 临时监护 and
 * 人身安全保护令 at once, the investigation following) or after its assessment (ASSESSMENT, the
 * default); with {@code custodySince} (yyyy-MM-dd) when 临时照料 began at intake, so that the care
 * is reviewed like any 临时监护. A child in danger before any assessment is RED (SPEC 4a's
 * overrides), which sets the rhythm of the procedure's visits. Each procedure counts its own
 * unheeded admonitions, from none.
 */
@Component("procedureStart")
public class ProcedureStart implements ExecutionListener {

  static final String ENTRY = "interventionEntry";
  static final String EMERGENCY = "EMERGENCY";
  static final String ASSESSMENT = "ASSESSMENT";
  static final String CUSTODY_SINCE = "custodySince";

  private final Clock clock;

  public ProcedureStart(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object entry = execution.getVariable(ENTRY);
    if (entry == null) {
      execution.setVariable(ENTRY, ASSESSMENT);
    } else if (!Set.of(EMERGENCY, ASSESSMENT).contains(entry.toString())) {
      throw new StepRefused(ENTRY, "只能是 EMERGENCY（受理或分诊时紧急进入）或 ASSESSMENT（评估后进入）");
    }
    LocalDate since = FormValues.date(CUSTODY_SINCE, execution.getVariable(CUSTODY_SINCE));
    if (since != null) {
      if (since.isAfter(LocalDate.now(clock))) {
        throw new StepRefused(CUSTODY_SINCE, "临时照料开始日期不能晚于今天");
      }
      execution.setVariable(CUSTODY_SINCE, since.toString());
    }
    if (execution.getVariable("riskLevel") == null) {
      execution.setVariable("riskLevel", "RED");
    }
    execution.setVariable("admonitions", 0);
  }
}
