package org.childprotection.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.childprotection.api.RefusedException;
import org.childprotection.api.ApiError;
import org.childprotection.api.ErrorExample;
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
@Tag(name = "个案附件", description = """
    照片、伤情鉴定、交接书、判决书、告诫书、同意书等。与个案档案同样的查看权限；\
    成员单位不能上传或下载附件。""")
@ErrorExample(status = 403, message = "成员单位只能查看本单位任务所需的信息，不能上传或下载个案附件")
@ErrorExample(status = 404, field = "caseNumber", message = "案件不存在或无权查看")
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
  @Operation(summary = "上传个案附件", description = """
      multipart/form-data：file 为文件，kind 为附件类别（PHOTO、INJURY_REPORT、HANDOVER、\
      JUDGMENT、WARNING_LETTER、CONSENT、OTHER），taskId 可选，为该个案的一个任务。\
      文件类型按内容识别（默认接受 JPG、PNG、PDF、DOCX，扩展名须与内容相符），\
      大小上限由 minor-protection.attachments.max-size 设定；保存时计算 SHA-256。""")
  @ApiResponse(responseCode = "201", description = "已保存；Location 为下载地址",
      headers = @Header(name = "Location", description = "/api/cases/{caseNumber}/attachments/{id}",
          schema = @Schema(type = "string")))
  @ErrorExample(status = 400, field = "kind", message = "未知的附件类别，可选：PHOTO（照片）、"
      + "INJURY_REPORT（伤情鉴定）、HANDOVER（交接书）、JUDGMENT（判决书）、WARNING_LETTER（告诫书）、"
      + "CONSENT（同意书）、OTHER（其他）")
  @ErrorExample(status = 400, field = "file", message = "文件扩展名与内容不符：内容是 PDF 文件")
  @ErrorExample(status = 400, field = "taskId", message = "该任务不属于此个案")
  @ErrorExample(status = 413, field = "file", message = "文件超过 20 MB 的上限")
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
  @Operation(summary = "下载个案附件（原文件）", description = "每次下载都记入访问记录。")
  @ApiResponse(responseCode = "200", description = "原文件，内容类型为上传时识别的类型",
      headers = @Header(name = "X-Content-SHA256", description = "文件的 SHA-256（十六进制）",
          schema = @Schema(type = "string")),
      content = @Content(mediaType = "application/octet-stream",
          schema = @Schema(type = "string", format = "binary")))
  @ErrorExample(status = 400, field = "id", message = "参数缺失或格式不正确")
  @ErrorExample(status = 404, field = "id", message = "附件不存在或无权查看")
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
