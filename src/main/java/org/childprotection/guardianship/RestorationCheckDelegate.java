package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.RESTORATION_APPLICANT_RELATION;
import static org.childprotection.process.ProcessVariables.RESTORATION_APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.RESTORATION_APPLIED_DATE;
import static org.childprotection.process.ProcessVariables.RESTORATION_CHILD_WISHES;
import static org.childprotection.process.ProcessVariables.RESTORATION_COURT_FILE;
import static org.childprotection.process.ProcessVariables.RESTORATION_EVIDENCE;
import static org.childprotection.process.ProcessVariables.RESTORATION_OPINION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.court.CourtApplications;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 民政部门意见与移送: a parent's application to be restored as guardian is the court's to decide
 * (民法典 art 38). The agency files it and gives its view, never ending it: whether it came within
 * the Opinion's window (three months to one year after the judgment, art 38), which of the
 * situations in which a court "一般不得" restore apply (the Opinion's art 40, 民法典 art 38), and
 * the child's own wishes, which the court must respect. The view goes to the court with the
 * applicant's evidence.
 */
@Component("restorationCheckDelegate")
public class RestorationCheckDelegate implements JavaDelegate {

  private final CourtApplications applications;
  private final RevocationJudgments judgments;
  private final GuardianshipPolicy policy;
  private final CaseBinding binding;
  private final Clock clock;

  public RestorationCheckDelegate(CourtApplications applications, RevocationJudgments judgments,
      GuardianshipPolicy policy, CaseBinding binding, Clock clock) {
    this.applications = applications;
    this.judgments = judgments;
    this.policy = policy;
    this.binding = binding;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseOf(execution).id();
    StepVariables variables = StepVariables.of(execution);
    RevocationJudgments.Judgment judgment = judgments.of(variables.get(APPLICATION_NUMBER));
    List<String> findings = new ArrayList<>();
    findings.add(window(judgment.date(), variables.get(RESTORATION_APPLIED_DATE)));
    List<String> bars = RestorationBars.of(judgment.grounds(),
        RestorationBars.Facts.of(variables));
    findings.add(bars.isEmpty() ? "未发现一般不得恢复监护人资格的情形"
        : "存在一般不得恢复监护人资格的情形：" + String.join("；", bars));
    String opinion = "民政部门意见（供人民法院审查，不作为不予受理的理由）：" + String.join("。", findings) + "。";
    variables.set(RESTORATION_OPINION, opinion);
    variables.set(RESTORATION_COURT_FILE, String.join("\n",
        "申请人提交的悔改表现证据：" + text(variables.get(RESTORATION_EVIDENCE)),
        "儿童本人意愿：" + text(variables.get(RESTORATION_CHILD_WISHES)), opinion));
    variables.set(RESTORATION_APPLICATION_NUMBER, applications.file(caseId,
        LocalDate.now(clock).getYear(), "RESTORATION", judgment.application().legalGrounds(),
        variables.get(RESTORATION_APPLICANT_RELATION), false));
  }

  /**
   * The procedure waits for applications until the window is over, so an application is never
   * later than it: only an early one is told apart.
   */
  private String window(LocalDate judged, LocalDate applied) {
    LocalDate from = judged.plus(policy.restorationEarliest());
    String span = "《意见》第三十八条的申请期间为 " + from + " 至 "
        + judged.plus(policy.restorationLatest());
    return span + (applied.isBefore(from) ? "，本申请早于该期间" : "，本申请在该期间内");
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? "未提交" : value;
  }
}
