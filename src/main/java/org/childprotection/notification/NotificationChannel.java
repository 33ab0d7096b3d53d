package org.childprotection.notification;

/** A way of reaching a unit. A send that fails throws, and the job retries it later. */
public interface NotificationChannel {

  /** OUTBOX, MAIL or WEBHOOK: the channel column of the notification log. */
  String name();

  void send(Notification notification);

  /**
   * Whether the channel's delivery is written in the step's own transaction (the outbox): a
   * step that fails then leaves nothing behind, and a retry has nothing to skip. A channel that
   * reaches outside (mail, webhook) records its delivery at once, and a retry skips it.
   */
  default boolean deliversWithTheStep() {
    return false;
  }
}
