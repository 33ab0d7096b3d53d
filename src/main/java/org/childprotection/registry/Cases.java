package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Cases (个案): one open case per child, numbered NJ-year-sequence. */
@Repository
public class Cases {

  /** A case as the registry knows it. */
  public record Case(long id, String caseNumber, long childId, String district, String status,
      String categories, boolean urgent, boolean immediateDanger, String riskLevel,
      String processInstanceId, OffsetDateTime openedAt, OffsetDateTime closedAt,
      String closureReason, String closureNote, OffsetDateTime triagedAt) {

    public boolean open() {
      return "OPEN".equals(status);
    }
  }

  private final JdbcClient jdbc;
  private final YearlyNumbers numbers;

  public Cases(JdbcClient jdbc, YearlyNumbers numbers) {
    this.jdbc = jdbc;
    this.numbers = numbers;
  }

  /** The next case number of the year (a sequence: it locks nothing, see YearlyNumbers). */
  public String nextCaseNumber(int year) {
    return String.format("NJ-%d-%06d", year, numbers.next(YearlyNumbers.Kind.CASE, year));
  }

  /** Readies the year's case numbers before a transaction that takes one. */
  public void prepareCaseNumbers(int year) {
    numbers.prepare(YearlyNumbers.Kind.CASE, year);
  }

  /** A new open case, registered as its process instance starts (intake/CaseOpeningListener). */
  public long open(String caseNumber, long childId, String district, String categories,
      boolean urgent, boolean immediateDanger, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO protection_case (case_number, child_id, open_child_id, district, status,
              categories, urgent, immediate_danger, opened_at, process_instance_id)
            VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)""")
        .params(caseNumber, childId, childId, district, categories, urgent, immediateDanger,
            Children.now(), processInstanceId)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<Case> openCaseOfChild(long childId) {
    return jdbc.sql("SELECT * FROM protection_case WHERE open_child_id = ?").param(childId)
        .query(RecordRowMapper.of(Case.class)).optional();
  }

  public Optional<Case> byNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM protection_case WHERE case_number = ?").param(caseNumber)
        .query(RecordRowMapper.of(Case.class)).optional();
  }

  /** The case whose process instance is this one (the root of the case's family), if any. */
  public Optional<Case> byProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM protection_case WHERE process_instance_id = ?")
        .param(processInstanceId).query(RecordRowMapper.of(Case.class)).optional();
  }

  /** Every case of the child, open and closed, newest first. */
  public java.util.List<Case> ofChild(long childId) {
    return jdbc.sql("SELECT * FROM protection_case WHERE child_id = ? "
            + "ORDER BY opened_at DESC, id DESC").param(childId)
        .query(RecordRowMapper.of(Case.class)).list();
  }

  public Case byId(long id) {
    return jdbc.sql("SELECT * FROM protection_case WHERE id = ?").param(id)
        .query(RecordRowMapper.of(Case.class)).single();
  }

  /** A later report can make a case urgent and add categories; it never lowers either. */
  public void raiseUrgency(long caseId, boolean urgent, boolean immediateDanger,
      String categories) {
    jdbc.sql("""
            UPDATE protection_case SET urgent = (urgent OR ?),
              immediate_danger = (immediate_danger OR ?), categories = ? WHERE id = ?""")
        .params(urgent, immediateDanger, categories, caseId).update();
  }

  /** The protection center's triage confirms the categories and the urgency. */
  public void updateTriage(long caseId, String categories, boolean urgent) {
    jdbc.sql("UPDATE protection_case SET categories = ?, urgent = ?, "
            + "triaged_at = COALESCE(triaged_at, ?) WHERE id = ?")
        .params(categories, urgent, Children.now(), caseId).update();
  }

  public void recordRiskLevel(long caseId, String riskLevel) {
    jdbc.sql("UPDATE protection_case SET risk_level = ? WHERE id = ?")
        .params(riskLevel, caseId).update();
  }

  public void close(long caseId, String reason, String note) {
    jdbc.sql("""
            UPDATE protection_case SET status = 'CLOSED', open_child_id = NULL, closed_at = ?,
              closure_reason = ?, closure_note = ? WHERE id = ? AND status = 'OPEN'""")
        .params(Children.now(), reason, note, caseId).update();
  }
}
