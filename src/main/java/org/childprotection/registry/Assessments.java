package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import org.childprotection.assessment.RiskScore;
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

  /** A new scoring of a case: INITIAL or FOLLOW_UP, the score, and the worker who assessed. */
  public record Scoring(long caseId, String kind, RiskScore score, String assessedBy) {}

  public void insert(Scoring scoring) {
    RiskScore score = scoring.score();
    jdbc.sql("""
            INSERT INTO assessment (case_id, kind, points_a, points_b, points_c, points_d,
              points_e, total, risk_level, override_red, reasons, assessed_by, assessed_at)
            VALUES (:caseId, :kind, :pointsA, :pointsB, :pointsC, :pointsD, :pointsE, :total,
              :riskLevel, :overrideRed, :reasons, :assessedBy, :assessedAt)""")
        .param("caseId", scoring.caseId())
        .param("kind", scoring.kind())
        .param("pointsA", score.a())
        .param("pointsB", score.b())
        .param("pointsC", score.c())
        .param("pointsD", score.d())
        .param("pointsE", score.e())
        .param("total", score.total())
        .param("riskLevel", score.level().name())
        .param("overrideRed", score.override())
        .param("reasons", score.reasonsText())
        .param("assessedBy", scoring.assessedBy())
        .param("assessedAt", Children.now())
        .update();
  }

  public List<Assessment> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM assessment WHERE case_id = ? ORDER BY assessed_at, id")
        .param(caseId).query(RecordRowMapper.of(Assessment.class)).list();
  }
}
