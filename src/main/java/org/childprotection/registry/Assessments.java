package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every scoring of a case: the initial assessment and each re-score at a visit. */
@Repository
public class Assessments {

  /** One scoring with its points, level and reasons. */
  public record Assessment(long id, String kind, int pointsA, int pointsB, int pointsC,
      int pointsD, int pointsE, int total, String riskLevel, boolean overrideRed, String reasons,
      String assessedBy, OffsetDateTime assessedAt) {}

  private final JdbcClient jdbc;

  public Assessments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long caseId, Assessment a) {
    jdbc.sql("""
            INSERT INTO assessment (case_id, kind, points_a, points_b, points_c, points_d,
              points_e, total, risk_level, override_red, reasons, assessed_by, assessed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(caseId, a.kind(), a.pointsA(), a.pointsB(), a.pointsC(), a.pointsD(),
            a.pointsE(), a.total(), a.riskLevel(), a.overrideRed(), a.reasons(), a.assessedBy(),
            Children.now())
        .update();
  }

  public List<Assessment> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM assessment WHERE case_id = ? ORDER BY assessed_at, id")
        .param(caseId).query(RecordRowMapper.of(Assessment.class)).list();
  }
}
