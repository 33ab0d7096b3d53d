package org.childprotection.notification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where notifications go besides the outbox, and how failed sends are retried. */
@ConfigurationProperties("minor-protection.notification")
public record NotificationPolicy(String retryCycle, Mail mail, Webhook webhook) {

  public NotificationPolicy {
    if (retryCycle == null || retryCycle.isBlank()) {
      throw new IllegalArgumentException("minor-protection.notification.retry-cycle is missing");
    }
    mail = mail == null ? new Mail(false, null, Map.of()) : mail;
    webhook = webhook == null ? new Webhook(null) : webhook;
  }

  /** E-mail over SMTP (spring.mail.*), one address per unit. */
  public record Mail(boolean enabled, String from, Map<String, String> recipients) {

    public Mail {
      recipients = recipients == null ? Map.of() : Map.copyOf(recipients);
    }
  }

  /** An HTTP endpoint of an SMS or OA system that takes every notification as JSON. */
  public record Webhook(String url) {

    public boolean enabled() {
      return url != null && !url.isBlank();
    }
  }
}
