package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals (转介) to member units, with the unit's feedback. */
@Repository
public class Referrals {

  /** A referral and what the unit did about it. */
  public record Referral(long id, String unit, String status, OffsetDateTime dueAt,
      String actionTaken, String result, OffsetDateTime createdAt, OffsetDateTime completedAt,
      String completedBy) {}

  private final JdbcClient jdbc;

  public Referrals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(long caseId, String unit, Date dueAt, String taskId) {
    jdbc.sql("""
            INSERT INTO referral (case_id, unit, status, due_at, task_id, created_at)
            VALUES (?, ?, 'OPEN', ?, ?, ?)""")
        .params(caseId, unit, dueAt == null ? null
                : OffsetDateTime.ofInstant(dueAt.toInstant(), java.time.ZoneOffset.UTC),
            taskId, Children.now())
        .update();
  }

  public void complete(String taskId, String action, String result, String completedBy) {
    jdbc.sql("""
            UPDATE referral SET status = 'DONE', action_taken = ?, result = ?, completed_at = ?,
              completed_by = ? WHERE task_id = ?""")
        .params(action, result, Children.now(), completedBy, taskId)
        .update();
  }

  /** The referral a unit's task answers. */
  public java.util.Optional<Referral> byTask(String taskId) {
    return jdbc.sql("SELECT * FROM referral WHERE task_id = ?").param(taskId)
        .query(RecordRowMapper.of(Referral.class)).optional();
  }

  public List<Referral> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM referral WHERE case_id = ? ORDER BY created_at, id")
        .param(caseId).query(RecordRowMapper.of(Referral.class)).list();
  }
}
