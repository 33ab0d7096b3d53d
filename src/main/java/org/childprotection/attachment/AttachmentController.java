package org.childprotection.attachment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.childprotection.api.RefusedException;
import org.childprotection.api.ApiError;
import org.childprotection.attachment.StoredAttachments.Attachment;
import org.childprotection.security.EngineUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/cases/{caseNumber}/attachments} (multipart: {@code file}, {@code kind},
 * optional {@code taskId}) and {@code GET /api/cases/{caseNumber}/attachments/{id}}.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/attachments")
public class AttachmentController {

  private final AttachmentService attachments;
  private final StoredAttachments stored;
  private final AttachmentPolicy policy;

  public AttachmentController(AttachmentService attachments, StoredAttachments stored,
      AttachmentPolicy policy) {
    this.attachments = attachments;
    this.stored = stored;
    this.policy = policy;
  }

  @PostMapping
  public ResponseEntity<AttachmentSummary> upload(@PathVariable String caseNumber,
      @RequestParam("file") MultipartFile file, @RequestParam("kind") String kind,
      @RequestParam(value = "taskId", required = false) String taskId, Authentication caller)
      throws IOException {
    AttachmentSummary saved = attachments.upload(caseNumber, user(caller), file, kind, taskId);
    return ResponseEntity.created(
            URI.create("/api/cases/" + caseNumber + "/attachments/" + saved.id()))
        .body(saved);
  }

  /** The file as it was uploaded, streamed from the database. */
  @GetMapping("/{id}")
  public void download(@PathVariable String caseNumber, @PathVariable long id,
      Authentication caller, HttpServletResponse response) throws IOException {
    Attachment attachment = attachments.download(caseNumber, id, user(caller));
    response.setContentType(attachment.contentType());
    response.setContentLengthLong(attachment.sizeBytes());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString());
    response.setHeader("X-Content-SHA256", attachment.sha256());
    stored.copyContent(attachment, response.getOutputStream());
  }

  /** A multipart body that ends early or is malformed, or is larger than any upload may be. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> unreadable(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(ApiError.of("file", "文件超过 " + policy.maxSizeText() + " 的上限"));
    }
    return ResponseEntity.badRequest()
        .body(ApiError.of("file", "上传中断或格式不正确，请以 multipart/form-data 重新上传"));
  }

  private static EngineUser user(Authentication caller) {
    if (caller == null || !(caller.getDetails() instanceof EngineUser user)) {
      throw new RefusedException(HttpStatus.NOT_FOUND, "caseNumber", "案件不存在或无权查看");
    }
    return user;
  }
}
