package org.childprotection.guardianship;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The graded measures taken with a guardian, and the new guardian after a revocation. */
@Repository
public class Measures {

  /** One measure (批评教育, 告诫书, 训诫, 家庭教育指导) and whether the guardian changed. */
  public record Measure(String measureType, boolean guardianChanged, String note, String takenBy,
      OffsetDateTime takenAt) {}

  /** Who became the child's guardian, and where the child lives. */
  public record Placement(String guardianType, String placement, String newGuardian,
      String decidedBy, OffsetDateTime decidedAt) {}

  private final JdbcClient jdbc;

  public Measures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(long caseId, String type, boolean changed, String note, String takenBy) {
    jdbc.sql("""
            INSERT INTO guardianship_measure (case_id, measure_type, guardian_changed, note,
              taken_by, taken_at) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(caseId, type, changed, note, takenBy, now()).update();
  }

  public List<Measure> ofCase(long caseId) {
    return jdbc.sql("SELECT measure_type, guardian_changed, note, taken_by, taken_at "
            + "FROM guardianship_measure WHERE case_id = ? ORDER BY taken_at, id")
        .param(caseId).query(Measure.class).list();
  }

  public void place(long caseId, String guardianType, String placement, String newGuardian,
      String decidedBy) {
    jdbc.sql("""
            INSERT INTO guardianship_placement (case_id, guardian_type, placement, new_guardian,
              decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(caseId, guardianType, placement, newGuardian, decidedBy, now()).update();
  }

  public List<Placement> placementsOf(long caseId) {
    return jdbc.sql("SELECT guardian_type, placement, new_guardian, decided_by, decided_at "
            + "FROM guardianship_placement WHERE case_id = ? ORDER BY decided_at, id")
        .param(caseId).query(Placement.class).list();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
