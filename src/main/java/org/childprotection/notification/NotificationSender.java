package org.childprotection.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.childprotection.notification.NotificationDeliveries.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a notification on every channel: all at once from a step that is its own job, or the
 * outbox at once and every other channel by a job of its own from a step inside another
 * command. A channel that fails throws, so that its job retries; on the retry, channels that
 * already delivered it skip the repeat.
 */
@Service
public class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final List<NotificationChannel> channels;
  private final NotificationLog log;

  public NotificationSender(List<NotificationChannel> channels, NotificationLog log) {
    this.channels = channels;
    this.log = log;
  }

  /** From a step that runs as its own job: a failed channel fails the job, which retries. */
  public void send(Notification notification) {
    for (NotificationChannel channel : channels) {
      if (channel.deliversWithTheStep()
          || !log.delivered(notification.idempotencyKey(), channel.name())) {
        channel.send(notification);
      }
    }
  }

  /**
   * From a step inside another command, such as the report's transaction: the outbox is written
   * with the step, and each channel that reaches outside gets a delivery job, so that a mail
   * server that is down neither fails the command nor holds back what follows the step.
   */
  public void sendWithTheStep(Notification notification, DelegateExecution step) {
    for (NotificationChannel channel : channels) {
      if (channel.deliversWithTheStep()) {
        channel.send(notification);
      } else {
        NotificationDeliveries.schedule(step, new Delivery(channel.name(),
            step.getCurrentActivityId(), notification.idempotencyKey()));
      }
    }
  }

  /**
   * A delivery job: the notification the outbox recorded, on one channel, unless that channel
   * has delivered it already. A channel no longer configured has nowhere to deliver it; the
   * outbox keeps it.
   */
  public void deliver(String channelName, String idempotencyKey) {
    Notification notification = log.recorded(idempotencyKey).orElseThrow(() ->
        new IllegalStateException("no outbox entry for the notification " + idempotencyKey));
    NotificationChannel channel = channels.stream()
        .filter(c -> c.name().equals(channelName)).findFirst().orElse(null);
    if (channel == null) {
      LOG.info("Notification {} not delivered on {}: the channel is no longer configured",
          idempotencyKey, channelName);
      return;
    }
    if (!log.delivered(idempotencyKey, channelName)) {
      channel.send(notification);
    }
  }
}
