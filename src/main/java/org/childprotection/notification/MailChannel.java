package org.childprotection.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP to the unit's configured address. A unit without an address is skipped: the
 * outbox still has the message.
 */
@Component
@ConditionalOnProperty(name = "minor-protection.notification.mail.enabled", havingValue = "true")
public class MailChannel implements NotificationChannel {

  private final JavaMailSender mail;
  private final NotificationPolicy policy;
  private final NotificationLog log;

  public MailChannel(JavaMailSender mail, NotificationPolicy policy, NotificationLog log) {
    this.mail = mail;
    this.policy = policy;
    this.log = log;
  }

  @Override
  public String name() {
    return "MAIL";
  }

  @Override
  public void send(Notification notification) {
    String address = policy.mail().recipients().get(notification.recipient());
    if (address == null) {
      return;
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(policy.mail().from());
      helper.setTo(address);
      helper.setSubject(notification.subject());
      helper.setText(notification.body());
      message.setHeader("X-Idempotency-Key", notification.idempotencyKey());
      mail.send(message);
    } catch (MessagingException e) {
      throw new MailSendException("cannot build the message", e);
    }
    log.recordExternalDelivery(notification, name());
  }
}
