package org.childprotection.discovery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.childprotection.config.RecordRowMapper;
import org.childprotection.discovery.LedgerRowChecker.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ledger imports and their row-level reports. */
@Repository
public class LedgerImports {

  /** An import's state and counts, as {@code GET /api/ledgers/{id}} shows them. */
  public record LedgerImport(String id, String district, String fileName, String status,
      int rowsRead, int accepted, int rejected, int duplicates, int casesOpened, String failure,
      String createdBy, OffsetDateTime createdAt, OffsetDateTime finishedAt, String owner,
      OffsetDateTime heartbeatAt) {}

  /** A rejected row: its number (data rows from 1), the column, and why. */
  public record RowError(int row, String column, String message) {}

  /** Counts so far. */
  record Progress(int rowsRead, int accepted, int rejected, int duplicates, int casesOpened) {}

  private final JdbcClient jdbc;

  public LedgerImports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new import, run by the node {@code owner}, its heartbeat fresh. */
  void start(String id, String district, String fileName, String createdBy, String owner) {
    OffsetDateTime now = now();
    jdbc.sql("""
            INSERT INTO ledger_import (id, district, file_name, status, rows_read, accepted,
              rejected, duplicates, cases_opened, created_by, created_at, owner, heartbeat_at)
            VALUES (?, ?, ?, 'RUNNING', 0, 0, 0, 0, 0, ?, ?, ?, ?)""")
        .params(id, district, fileName, createdBy, now, owner, now).update();
  }

  /** The node {@code owner} is alive: renews the heartbeat of every import it is running. */
  void heartbeat(String owner) {
    jdbc.sql("UPDATE ledger_import SET heartbeat_at = ? WHERE owner = ? AND status = 'RUNNING'")
        .params(now(), owner).update();
  }

  void progress(String id, Progress p) {
    jdbc.sql("""
            UPDATE ledger_import SET rows_read = ?, accepted = ?, rejected = ?, duplicates = ?,
              cases_opened = ? WHERE id = ?""")
        .params(p.rowsRead(), p.accepted(), p.rejected(), p.duplicates(), p.casesOpened(), id)
        .update();
  }

  void errors(String id, List<Problem> problems) {
    for (Problem problem : problems) {
      jdbc.sql("INSERT INTO ledger_import_error (import_id, row_no, column_name, message) "
              + "VALUES (?, ?, ?, ?)")
          .params(id, problem.row(), problem.column(), problem.message()).update();
    }
  }

  void finish(String id, String status, String failure) {
    jdbc.sql("UPDATE ledger_import SET status = ?, failure = ?, finished_at = ? WHERE id = ?")
        .params(status, failure, now(), id).update();
  }

  /**
   * Imports left running by a node that stopped (no heartbeat for {@code silentFor}): they
   * will not finish now. Imports from before heartbeats were kept count from their start.
   */
  int failAbandoned(String reason, Duration silentFor) {
    OffsetDateTime now = now();
    return jdbc.sql("UPDATE ledger_import SET status = 'FAILED', failure = ?, finished_at = ? "
            + "WHERE status = 'RUNNING' AND COALESCE(heartbeat_at, created_at) < ?")
        .params(reason, now, now.minus(silentFor)).update();
  }

  public Optional<LedgerImport> byId(String id) {
    return jdbc.sql("SELECT * FROM ledger_import WHERE id = ?").param(id)
        .query(RecordRowMapper.of(LedgerImport.class)).optional();
  }

  public List<RowError> errorsOf(String id, int limit) {
    return jdbc.sql("SELECT row_no, column_name, message FROM ledger_import_error "
            + "WHERE import_id = ? ORDER BY row_no, id")
        .param(id)
        .query((rs, i) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list().stream().limit(limit).toList();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
