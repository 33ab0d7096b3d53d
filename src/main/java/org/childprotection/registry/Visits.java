package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Home visits (走访) with the guidance given to the guardian (监护指导). */
@Repository
public class Visits {

  /** One visit. */
  public record Visit(long id, OffsetDateTime visitedAt, String visitedBy, String guidance,
      String riskLevel, String notes) {}

  private final JdbcClient jdbc;

  public Visits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long caseId, String visitedBy, String guidance, String riskLevel,
      String notes) {
    jdbc.sql("""
            INSERT INTO visit (case_id, visited_at, visited_by, guidance, risk_level, notes)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(caseId, Children.now(), visitedBy, guidance, riskLevel, notes)
        .update();
  }

  public List<Visit> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM visit WHERE case_id = ? ORDER BY visited_at, id")
        .param(caseId).query(RecordRowMapper.of(Visit.class)).list();
  }
}
