package org.childprotection.attachment;

import java.time.OffsetDateTime;
import org.childprotection.attachment.StoredAttachments.Attachment;

/**
 * An attachment as the API shows it (the upload's answer, the case file's list): what it is,
 * never its content.
 */
public record AttachmentSummary(long id, String kind, String kindName, String fileName,
    String contentType, long size, String sha256, String uploadedBy, OffsetDateTime uploadedAt,
    String taskId) {

  public static AttachmentSummary of(Attachment attachment) {
    return new AttachmentSummary(attachment.id(), attachment.kind(),
        AttachmentKind.ofCode(attachment.kind()).map(AttachmentKind::chineseName)
            .orElse(attachment.kind()),
        attachment.fileName(), attachment.contentType(), attachment.sizeBytes(),
        attachment.sha256(), attachment.uploadedBy(), attachment.uploadedAt(),
        attachment.taskId());
  }
}
