package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import org.childprotection.attachment.AttachmentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The attachments of a case as the case file lists them: metadata only, never the content
 * ({@code case_attachment}, created by migration V10 with the upload and download API).
 */
@Repository
public class CaseAttachments {

  /** One attachment's metadata. */
  public record AttachmentView(long id, String kind, String kindName, String fileName,
      String contentType, long size, String sha256, String uploadedBy,
      OffsetDateTime uploadedAt, String taskId) {}

  private final JdbcClient jdbc;

  public CaseAttachments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's attachments, oldest first. */
  public List<AttachmentView> ofCase(long caseId) {
    return jdbc.sql("""
            SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_by,
              uploaded_at, task_id
            FROM case_attachment WHERE case_id = ? ORDER BY uploaded_at, id""")
        .param(caseId)
        .query((rs, n) -> new AttachmentView(rs.getLong("id"), rs.getString("kind"),
            AttachmentKind.ofCode(rs.getString("kind")).map(AttachmentKind::chineseName)
                .orElse(rs.getString("kind")),
            rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getString("uploaded_by"),
            rs.getObject("uploaded_at", OffsetDateTime.class), rs.getString("task_id")))
        .list();
  }
}
