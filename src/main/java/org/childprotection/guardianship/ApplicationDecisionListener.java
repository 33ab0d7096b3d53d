package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.APPLICANT;
import static org.childprotection.process.ProcessVariables.APPLICATION_DECISION;
import static org.childprotection.process.ProcessVariables.LEGAL_GROUNDS;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 决定申请撤销监护人资格: an application names at least one of the seven situations of the
 * Opinion's art 35 and an applicant the law allows (民法典 art 36: others qualified to be
 * guardian, 居委会/村委会, schools, medical institutions, 妇联, 残联, minor-protection
 * organisations, lawful elderly organisations, 民政部门 — which must apply when none of them does).
 */
@Component("applicationDecisionListener")
public class ApplicationDecisionListener implements TaskListener {

  static final Set<String> GROUNDS = Set.of("SEXUAL_ABUSE", "SALE", "ABANDONMENT_OR_ABUSE",
      "UNATTENDED_DANGER", "NEGLECT_6_MONTHS", "ADDICTION_OR_PRISON", "COERCED_BEGGING",
      "INSTIGATING_CRIME", "OTHER_SERIOUS_HARM");

  static final Set<String> APPLICANTS = Set.of("RELATIVE", "RESIDENTS_COMMITTEE", "SCHOOL",
      "MEDICAL_INSTITUTION", "WOMENS_FEDERATION", "DISABLED_FEDERATION", "PROTECTION_CENTER",
      "ELDERLY_ORGANISATION", "CIVIL_AFFAIRS");

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if (!"APPLY".equals(variables.get(APPLICATION_DECISION))) {
      return;
    }
    List<String> grounds = variables.get(LEGAL_GROUNDS);
    if (grounds.isEmpty() || !GROUNDS.containsAll(grounds)) {
      throw new StepRefused(LEGAL_GROUNDS.name(),
          "申请撤销监护人资格须选择至少一项法定情形（《意见》第三十五条）");
    }
    if (!APPLICANTS.contains(String.valueOf(variables.get(APPLICANT)))) {
      throw new StepRefused(APPLICANT.name(), "申请人须为民法典第三十六条规定的个人或组织");
    }
  }
}
