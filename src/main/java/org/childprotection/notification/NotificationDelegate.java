package org.childprotection.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * A notification step of a model: sends the step's template to the step's recipient
 * ({@link NotificationStep}) on every channel ({@link NotificationSender}). A step that is
 * asynchronous in its model sends on every channel in its own job: a channel that fails makes
 * the job retry (after the cycle the model names) and, when retries run out, an incident in
 * Cockpit. A synchronous step writes the outbox with the command it is part of and gives every
 * other channel a delivery job of its own ({@link NotificationDeliveries}), which retries and
 * ends as an incident the same way.
 */
@Component("notificationDelegate")
public class NotificationDelegate implements JavaDelegate {

  private final NotificationStep step;
  private final NotificationSender sender;
  private final CaseBinding binding;

  public NotificationDelegate(NotificationStep step, NotificationSender sender,
      CaseBinding binding) {
    this.step = step;
    this.sender = sender;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    binding.verify(execution);
    String recipient = step.recipient(execution);
    NotificationTemplate template = step.template(execution);
    String caseNumber = execution.getProcessBusinessKey();
    NotificationStep.Send send = step.send(execution);
    Notification notification = new Notification(send.idempotencyKey(), recipient, caseNumber,
        template.subject(caseNumber), template.body(caseNumber));
    if (send.ownJob()) {
      sender.send(notification);
    } else {
      sender.sendWithTheStep(notification, execution);
    }
  }
}
