package org.childprotection.notification;

import org.springframework.stereotype.Component;

/** The in-app outbox: always on, so nothing configured still means nothing lost. */
@Component
public class OutboxChannel implements NotificationChannel {

  private final NotificationLog log;

  public OutboxChannel(NotificationLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return "OUTBOX";
  }

  @Override
  public void send(Notification notification) {
    log.record(notification, name());
  }

  @Override
  public boolean deliversWithTheStep() {
    return true;
  }
}
