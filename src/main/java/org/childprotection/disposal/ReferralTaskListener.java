package org.childprotection.disposal;

import static org.childprotection.process.ProcessVariables.REFERRAL_ACTION;
import static org.childprotection.process.ProcessVariables.REFERRAL_FEEDBACK;
import static org.childprotection.process.ProcessVariables.REFERRAL_RESULT;
import static org.childprotection.process.ProcessVariables.REFERRAL_UNIT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.process.StepVariables;
import org.childprotection.registry.CaseBinding;
import org.childprotection.registry.Referrals;
import org.childprotection.registry.Vocabulary;
import org.springframework.stereotype.Component;

/** Keeps the registry's referral in step with the unit's task: opened, then answered. */
@Component("referralTaskListener")
public class ReferralTaskListener implements TaskListener {

  private final Referrals referrals;
  private final CaseBinding binding;

  public ReferralTaskListener(Referrals referrals, CaseBinding binding) {
    this.referrals = referrals;
    this.binding = binding;
  }

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      referrals.open(binding.caseOf(task).id(), variables.get(REFERRAL_UNIT), task.getDueDate(),
          task.getId());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      // Stored as the words a reader of the case file sees, with the unit's own feedback.
      String result = Vocabulary.referralResult(variables.get(REFERRAL_RESULT));
      String feedback = variables.get(REFERRAL_FEEDBACK);
      referrals.complete(task.getId(), variables.get(REFERRAL_ACTION),
          feedback == null || feedback.isBlank() ? result : result + "：" + feedback,
          task.getAssignee());
    }
  }
}
