package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The attachments of a case as the case file lists them: metadata only, never the content
 * ({@code case_attachment}, created by migration V10 with the upload and download API).
 */
@Repository
public class CaseAttachments {

  /** The kinds of attachment, with the names the case file shows. */
  static final Map<String, String> KIND_NAMES = Map.of("PHOTO", "照片",
      "INJURY_REPORT", "伤情鉴定", "HANDOVER", "交接书", "JUDGMENT", "判决书",
      "WARNING_LETTER", "告诫书", "CONSENT", "同意书", "OTHER", "其他");

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
            KIND_NAMES.getOrDefault(rs.getString("kind"), rs.getString("kind")),
            rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getString("uploaded_by"),
            rs.getObject("uploaded_at", OffsetDateTime.class), rs.getString("task_id")))
        .list();
  }
}
