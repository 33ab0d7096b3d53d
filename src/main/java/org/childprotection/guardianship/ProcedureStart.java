package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.ADMONITIONS;
import static org.childprotection.process.ProcessVariables.CUSTODY_SINCE;
import static org.childprotection.process.ProcessVariables.INTERVENTION_ENTRY;
import static org.childprotection.process.ProcessVariables.RISK_LEVEL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.StepVariables;
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

  static final String EMERGENCY = "EMERGENCY";
  static final String ASSESSMENT = "ASSESSMENT";

  private final Clock clock;

  public ProcedureStart(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String entry = variables.get(INTERVENTION_ENTRY);
    if (entry == null) {
      variables.set(INTERVENTION_ENTRY, ASSESSMENT);
    } else if (!Set.of(EMERGENCY, ASSESSMENT).contains(entry)) {
      throw new StepRefused(INTERVENTION_ENTRY.name(),
          "只能是 EMERGENCY（受理或分诊时紧急进入）或 ASSESSMENT（评估后进入）");
    }
    LocalDate since = variables.get(CUSTODY_SINCE);
    if (since != null) {
      if (since.isAfter(LocalDate.now(clock))) {
        throw new StepRefused(CUSTODY_SINCE.name(), "临时照料开始日期不能晚于今天");
      }
      variables.set(CUSTODY_SINCE, since);
    }
    if (!variables.has(RISK_LEVEL)) {
      variables.set(RISK_LEVEL, RiskLevel.RED);
    }
    variables.set(ADMONITIONS, 0);
  }
}
