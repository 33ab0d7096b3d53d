package org.childprotection.guardianship;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The graded measures taken with a guardian, and the new guardian after a revocation. Each row
 * names the procedure (the guardianship-transfer instance) it belongs to: a case may go through
 * the procedure more than once.
 */
@Repository
public class Measures {

  /**
   * One measure (批评教育, 告诫书, 训诫, 家庭教育指导令, 家庭教育指导), the authority that took it and
   * who asked for it, and whether the guardian changed (known at the visit after it).
   */
  public record Measure(String measureType, String authority, String requestedBy,
      String documentNumber, boolean guardianChanged, String note, String takenBy,
      OffsetDateTime takenAt) {}

  /**
   * Who became the child's guardian and where the child lives (安置方案): the judgment carried
   * out, the institution or family, contact with the parents, the child's view; ended by a
   * restoration judgment.
   */
  public record Placement(String guardianType, String placement, String newGuardian,
      String judgmentNumber, String institution, String parentContact, String childView,
      String decidedBy, OffsetDateTime decidedAt, OffsetDateTime endedAt) {}

  /** A measure as the authority recorded it. */
  record Taken(long caseId, String procedureId, String type, String authority,
      String requestedBy, String documentNumber, String note, String takenBy) {}

  /** 安置方案 as civil-affairs recorded it when carrying out the judgment. */
  record Plan(long caseId, String procedureId, String guardianType, String placement,
      String newGuardian, String judgmentNumber, String institution, String parentContact,
      String childView, String decidedBy) {}

  private final JdbcClient jdbc;

  public Measures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The measure's row id, for the visit that finds whether the guardian changed. */
  long record(Taken m) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO guardianship_measure (case_id, procedure_id, measure_type, authority,
              requested_by, document_number, guardian_changed, note, taken_by, taken_at)
            VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""")
        .params(m.caseId(), m.procedureId(), m.type(), m.authority(), m.requestedBy(),
            m.documentNumber(), m.note(), m.takenBy(), now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The visit's finding, on a measure of this case only. */
  void guardianChanged(long measureId, long caseId, boolean changed) {
    jdbc.sql("UPDATE guardianship_measure SET guardian_changed = ? WHERE id = ? AND case_id = ?")
        .params(changed, measureId, caseId).update();
  }

  public List<Measure> ofCase(long caseId) {
    return jdbc.sql("SELECT measure_type, authority, requested_by, document_number, "
            + "guardian_changed, note, taken_by, taken_at "
            + "FROM guardianship_measure WHERE case_id = ? ORDER BY taken_at, id")
        .param(caseId).query(RecordRowMapper.of(Measure.class)).list();
  }

  void place(Plan p) {
    jdbc.sql("""
            INSERT INTO guardianship_placement (case_id, procedure_id, guardian_type, placement,
              new_guardian, judgment_number, institution, parent_contact, child_view,
              decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(p.caseId(), p.procedureId(), p.guardianType(), p.placement(), p.newGuardian(),
            p.judgmentNumber(), p.institution(), p.parentContact(), p.childView(),
            p.decidedBy(), now())
        .update();
  }

  /** A restoration judgment ends the guardianship the procedure's judgment appointed. */
  void endPlacements(long caseId, String procedureId) {
    jdbc.sql("UPDATE guardianship_placement SET ended_at = ? "
            + "WHERE case_id = ? AND procedure_id = ? AND ended_at IS NULL")
        .params(now(), caseId, procedureId).update();
  }

  public List<Placement> placementsOf(long caseId) {
    return jdbc.sql("SELECT guardian_type, placement, new_guardian, judgment_number, "
            + "institution, parent_contact, child_view, decided_by, decided_at, ended_at "
            + "FROM guardianship_placement WHERE case_id = ? ORDER BY decided_at, id")
        .param(caseId).query(RecordRowMapper.of(Placement.class)).list();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
