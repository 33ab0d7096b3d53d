package org.childprotection.notification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What was delivered on which channel; the in-app outbox is its OUTBOX rows. */
@Repository
public class NotificationLog {

  /** A delivered notification as a person reads it. */
  @Schema(name = "OutboxEntry")
  public record Entry(long id, String channel, String recipient, String caseNumber,
      String subject, String body, OffsetDateTime createdAt, OffsetDateTime readAt) {}

  private final JdbcClient jdbc;

  public NotificationLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean delivered(String idempotencyKey, String channel) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = ? AND channel = ?")
        .params(idempotencyKey, channel).query(Long.class).single() > 0;
  }

  /** The notification as the outbox recorded it, for a channel that delivers it later. */
  public Optional<Notification> recorded(String idempotencyKey) {
    return jdbc.sql("SELECT idempotency_key, recipient, case_number, subject, body "
            + "FROM notification WHERE idempotency_key = ? AND channel = 'OUTBOX'")
        .param(idempotencyKey)
        .query(RecordRowMapper.of(Notification.class)).optional();
  }

  /**
   * Records a delivery outside the job's transaction: once a mail or webhook has gone out, a
   * later failure of the same job must not erase the record and send it again on the retry.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordExternalDelivery(Notification notification, String channel) {
    record(notification, channel);
  }

  public void record(Notification notification, String channel) {
    jdbc.sql("""
            INSERT INTO notification (idempotency_key, channel, recipient, case_number, subject,
              body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(notification.idempotencyKey(), channel, notification.recipient(),
            notification.caseNumber(), notification.subject(), notification.body(),
            OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  public List<Entry> outboxOf(List<String> groups, int limit) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT id, channel, recipient, case_number, subject, body, created_at, "
            + "read_at FROM notification WHERE channel = 'OUTBOX' AND recipient IN (:groups) "
            + "ORDER BY created_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
        .param("groups", groups)
        .param("limit", limit)
        .query(RecordRowMapper.of(Entry.class)).list();
  }
}
