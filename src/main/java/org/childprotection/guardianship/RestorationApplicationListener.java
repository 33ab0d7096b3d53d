package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.RESTORATION_APPLICANT_RELATION;
import static org.childprotection.process.ProcessVariables.RESTORATION_APPLIED_DATE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 登记恢复申请: only a parent whose guardianship was revoked may apply to be restored (民法典
 * art 38; the ward here is a minor, so the article's "子女" does not arise); the application has
 * a date that has come and is not before the judgment it asks to undo.
 */
@Component("restorationApplicationListener")
public class RestorationApplicationListener implements TaskListener {

  static final Set<String> APPLICANTS = Set.of("FATHER", "MOTHER");

  private final RevocationJudgments judgments;
  private final Clock clock;

  public RestorationApplicationListener(RevocationJudgments judgments, Clock clock) {
    this.judgments = judgments;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if (!APPLICANTS.contains(String.valueOf(variables.get(RESTORATION_APPLICANT_RELATION)))) {
      throw new StepRefused(RESTORATION_APPLICANT_RELATION.name(),
          "恢复监护人资格只能由被撤销监护人资格的父亲或母亲本人申请（民法典第三十八条）");
    }
    LocalDate applied = variables.get(RESTORATION_APPLIED_DATE);
    String field = RESTORATION_APPLIED_DATE.name();
    if (applied == null) {
      throw new StepRefused(field, "请填写申请日期");
    }
    if (applied.isAfter(LocalDate.now(clock))) {
      throw new StepRefused(field, "申请日期不能晚于今天");
    }
    if (applied.isBefore(judgments.of(variables.get(APPLICATION_NUMBER)).date())) {
      throw new StepRefused(field, "申请日期不能早于撤销监护人资格的判决日期");
    }
  }
}
