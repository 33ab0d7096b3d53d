package org.childprotection.notification;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Sends a notification on every channel. A channel that fails throws, so that the step's job
 * retries; on the retry, channels that already delivered it skip the repeat.
 */
@Service
public class NotificationSender {

  private final List<NotificationChannel> channels;
  private final NotificationLog log;

  public NotificationSender(List<NotificationChannel> channels, NotificationLog log) {
    this.channels = channels;
    this.log = log;
  }

  public void send(Notification notification) {
    for (NotificationChannel channel : channels) {
      if (channel.deliversWithTheStep()
          || !log.delivered(notification.idempotencyKey(), channel.name())) {
        channel.send(notification);
      }
    }
  }
}
