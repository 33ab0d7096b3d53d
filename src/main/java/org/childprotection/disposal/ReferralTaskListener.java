package org.childprotection.disposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      referrals.open(binding.caseOf(task).id(),
          (String) task.getVariable("referralUnit"), task.getDueDate(), task.getId());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      // Stored as the words a reader of the case file sees, with the unit's own feedback.
      String result = Vocabulary.referralResult((String) task.getVariable("referralResult"));
      String feedback = (String) task.getVariable("referralFeedback");
      referrals.complete(task.getId(), (String) task.getVariable("referralAction"),
          feedback == null || feedback.isBlank() ? result : result + "：" + feedback,
          task.getAssignee());
    }
  }
}
