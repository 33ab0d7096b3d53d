package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Case notes (个案记录): appended, never changed; a correction names the note it corrects. */
@Repository
public class CaseNotes {

  /** One note as stored. */
  public record StoredNote(long id, long caseId, String noteText, String author,
      OffsetDateTime createdAt, Long corrects) {}

  private final JdbcClient jdbc;

  public CaseNotes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public StoredNote append(long caseId, String text, String author, Long corrects) {
    KeyHolder key = new GeneratedKeyHolder();
    OffsetDateTime now = Children.now();
    jdbc.sql("""
            INSERT INTO case_note (case_id, note_text, author, created_at, corrects)
            VALUES (?, ?, ?, ?, ?)""")
        .params(caseId, text, author, now, corrects)
        .update(key, "id");
    return new StoredNote(key.getKey().longValue(), caseId, text, author, now, corrects);
  }

  public Optional<StoredNote> byId(long id) {
    return jdbc.sql("SELECT * FROM case_note WHERE id = ?").param(id)
        .query(RecordRowMapper.of(StoredNote.class)).optional();
  }

  public List<StoredNote> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM case_note WHERE case_id = ? ORDER BY created_at, id")
        .param(caseId).query(RecordRowMapper.of(StoredNote.class)).list();
  }
}
