package org.childprotection.notification;

import java.util.Map;
import org.childprotection.config.OutboundHttp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Hands every notification to an SMS or OA system as JSON. The receiver gets the same
 * Idempotency-Key header on a retry and is expected to drop the repeat.
 */
@Component
@ConditionalOnExpression("'${minor-protection.notification.webhook.url:}' != ''")
public class WebhookChannel implements NotificationChannel {

  private final RestClient http;
  private final NotificationLog log;

  public WebhookChannel(RestClient.Builder builder, NotificationPolicy policy,
      NotificationLog log) {
    this.http = builder.requestFactory(OutboundHttp.requestFactory())
        .baseUrl(policy.webhook().url()).build();
    this.log = log;
  }

  @Override
  public String name() {
    return "WEBHOOK";
  }

  @Override
  public void send(Notification notification) {
    http.post()
        .header("Idempotency-Key", notification.idempotencyKey())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of(
            "recipient", notification.recipient(),
            "caseNumber", notification.caseNumber() == null ? "" : notification.caseNumber(),
            "subject", notification.subject(),
            "body", notification.body()))
        .retrieve()
        .toBodilessEntity();
    log.recordExternalDelivery(notification, name());
  }
}
