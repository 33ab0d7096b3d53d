package org.childprotection.notification;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of every notification step, as the models read it:
 * {@code <camunda:failedJobRetryTimeCycle>${notificationRetries.cycle}</…>}.
 */
@Component("notificationRetries")
public class NotificationRetries {

  private final NotificationPolicy policy;

  public NotificationRetries(NotificationPolicy policy) {
    this.policy = policy;
  }

  public String getCycle() {
    return policy.retryCycle();
  }
}
