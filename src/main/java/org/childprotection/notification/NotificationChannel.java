package org.childprotection.notification;

/** A way of reaching a unit. A send that fails throws, and the job retries it later. */
public interface NotificationChannel {

  /** OUTBOX, MAIL or WEBHOOK: the channel column of the notification log. */
  String name();

  void send(Notification notification);
}
