package org.childprotection.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Attachments in the registry ({@code case_attachment}). The content goes in and out as a
 * stream: in with the JDBC driver reading the upload as it writes the row, out on H2 from the
 * BLOB's stream and on PostgreSQL in slices of the bytea (its driver would otherwise load the
 * whole value). Rows are never changed after their upload nor deleted.
 */
@Repository
public class StoredAttachments {

  /** An attachment's description, without its content. */
  public record Attachment(long id, long caseId, String kind, String fileName,
      String contentType, long sizeBytes, String sha256, String taskId, String uploadedBy,
      OffsetDateTime uploadedAt) {}

  private static final String COLUMNS = "id, case_id, kind, file_name, content_type, size_bytes, "
      + "sha256, task_id, uploaded_by, uploaded_at";

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final AttachmentPolicy policy;
  private volatile Boolean postgres;

  public StoredAttachments(JdbcTemplate jdbcTemplate, JdbcClient jdbc, DataSource dataSource,
      AttachmentPolicy policy) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.policy = policy;
  }

  /**
   * Writes a new attachment, its content read from the stream as the row is written; the
   * checksum is set afterwards with {@link #setChecksum}, in the same transaction.
   *
   * @return the new attachment's id
   */
  long insert(long caseId, AttachmentKind kind, String fileName, FileType type, long size,
      InputStream content, String taskId, String uploadedBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbcTemplate.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO case_attachment (case_id, kind, file_name, content_type, size_bytes,
            sha256, content, task_id, uploaded_by, uploaded_at)
          VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)""", new String[] {"id"});
      insert.setLong(1, caseId);
      insert.setString(2, kind.name());
      insert.setString(3, fileName);
      insert.setString(4, type.contentType());
      insert.setLong(5, size);
      insert.setBinaryStream(6, content, size);
      insert.setString(7, taskId);
      insert.setString(8, uploadedBy);
      insert.setObject(9, OffsetDateTime.now(ZoneOffset.UTC));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  void setChecksum(long id, String sha256) {
    jdbc.sql("UPDATE case_attachment SET sha256 = ? WHERE id = ?").params(sha256, id).update();
  }

  public Optional<Attachment> byId(long caseId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment WHERE id = ? AND case_id = ?")
        .params(id, caseId).query(RecordRowMapper.of(Attachment.class)).optional();
  }

  /** The case's attachments, oldest first, without their content. */
  public List<Attachment> ofCase(long caseId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment WHERE case_id = ? "
        + "ORDER BY uploaded_at, id").param(caseId)
        .query(RecordRowMapper.of(Attachment.class)).list();
  }

  /** Copies an attachment's content to the stream, a piece at a time. */
  void copyContent(Attachment attachment, OutputStream out) {
    if (isPostgres()) {
      copyInSlices(attachment, out);
      return;
    }
    jdbcTemplate.query("SELECT content FROM case_attachment WHERE id = ?", rs -> {
      if (rs.next()) {
        try (InputStream content = rs.getBinaryStream(1)) {
          content.transferTo(out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return null;
    }, attachment.id());
  }

  /**
   * PostgreSQL's driver reads a bytea whole; substring reads a slice. The content is stored
   * uncompressed when it does not compress (images, PDFs, DOCX mostly do not), and then
   * PostgreSQL reads just the slice's TOAST chunks.
   */
  private void copyInSlices(Attachment attachment, OutputStream out) {
    // Sizes fit an int (AttachmentPolicy), as substring's arguments must.
    int slice = (int) policy.readSlice().toBytes();
    for (int from = 0; from < attachment.sizeBytes(); from += slice) {
      byte[] bytes = jdbc.sql("SELECT substring(content FROM ? FOR ?) FROM case_attachment "
              + "WHERE id = ?")
          .params(from + 1, slice, attachment.id()).query(byte[].class).single();
      try {
        out.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private boolean isPostgres() {
    if (postgres == null) {
      try {
        postgres = JdbcUtils.extractDatabaseMetaData(dataSource,
            DatabaseMetaData::getDatabaseProductName).toLowerCase().contains("postgres");
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell the database", e);
      }
    }
    return postgres;
  }
}
