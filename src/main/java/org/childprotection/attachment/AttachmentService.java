package org.childprotection.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.childprotection.api.RefusedException;
import org.childprotection.attachment.StoredAttachments.Attachment;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.registry.AuditLog;
import org.childprotection.registry.CaseAccess;
import org.childprotection.registry.CaseAccess.CaseView;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.Cases.Case;
import org.childprotection.security.EngineUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and downloads of a case's attachments. The full and the police view upload and
 * download; a member unit's masked view does neither (403); anybody else learns nothing (404).
 * An upload is streamed from the request's temporary file into the database, its type told
 * from its first bytes, its checksum and completeness found as it passes; whatever is wrong
 * with it rolls the row back. Every upload and download is written to the audit log.
 */
@Service
public class AttachmentService {

  static final String UPLOAD = "UPLOAD_ATTACHMENT";
  static final String DOWNLOAD = "DOWNLOAD_ATTACHMENT";
  private static final int TASK_ID_MAX_LENGTH = 64;
  /** The stream's buffer, also what the type's first bytes are read ahead within. */
  private static final int BUFFER_BYTES = 64 * 1024;

  private final CaseAccess access;
  private final StoredAttachments stored;
  private final AttachmentPolicy policy;
  private final AuditLog audit;
  private final HistoryService history;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public AttachmentService(CaseAccess access, StoredAttachments stored,
      AttachmentPolicy policy, AuditLog audit, HistoryService history, IdentityService identity,
      PlatformTransactionManager transactions) {
    this.access = access;
    this.stored = stored;
    this.policy = policy;
    this.audit = audit;
    this.history = history;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  public AttachmentSummary upload(String caseNumber, EngineUser caller, MultipartFile file,
      String kindCode, String taskId) throws IOException {
    Case found = mayUseAttachments(caseNumber);
    AttachmentKind kind = AttachmentKind.ofCode(kindCode).orElseThrow(() ->
        RefusedException.badRequest("kind", "未知的附件类别，可选：" + kinds()));
    String fileName = FileNames.clean(file.getOriginalFilename());
    if (fileName.isEmpty()) {
      throw RefusedException.badRequest("file", "文件名无效");
    }
    long size = file.getSize();
    if (size == 0) {
      throw RefusedException.badRequest("file", "文件为空");
    }
    if (size > policy.maxSize().toBytes()) {
      throw new RefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "file",
          "文件超过 " + policy.maxSizeText() + " 的上限");
    }
    String task = taskId == null || taskId.isBlank() ? null : taskId.strip();
    if (task != null && !isTaskOf(found, task)) {
      throw RefusedException.badRequest("taskId", "该任务不属于此个案");
    }
    try (InputStream in = new BufferedInputStream(file.getInputStream(), BUFFER_BYTES)) {
      FileType type = typeOf(in, fileName);
      ContentInspector content = new ContentInspector(in);
      Attachment saved = transaction.execute(status -> {
        long id = stored.insert(found.id(), kind, fileName, type, size, content, task,
            caller.userId());
        checkWhole(content, type, size);
        stored.setChecksum(id, content.sha256Hex());
        audit.record(caller.userId(), UPLOAD, caseNumber);
        return stored.byId(found.id(), id).orElseThrow();
      });
      return AttachmentSummary.of(saved);
    }
  }

  /** The attachment, after writing the download to the audit log. */
  public Attachment download(String caseNumber, long id, EngineUser caller) {
    Case found = mayUseAttachments(caseNumber);
    Attachment attachment = stored.byId(found.id(), id).orElseThrow(() ->
        new RefusedException(HttpStatus.NOT_FOUND, "id", "附件不存在或无权查看"));
    audit.record(caller.userId(), DOWNLOAD, caseNumber);
    return attachment;
  }

  private Case mayUseAttachments(String caseNumber) {
    CaseView view = access.viewOf(caseNumber).orElseThrow(() ->
        new RefusedException(HttpStatus.NOT_FOUND, "caseNumber", "案件不存在或无权查看"));
    if (view.view() == View.UNIT) {
      throw new RefusedException(HttpStatus.FORBIDDEN, null,
          "成员单位只能查看本单位任务所需的信息，不能上传或下载个案附件");
    }
    return view.found();
  }

  /** The type the first bytes show, which must be allowed and agree with the extension. */
  private FileType typeOf(InputStream in, String fileName) throws IOException {
    in.mark(FileType.HEAD_BYTES);
    byte[] head = in.readNBytes(FileType.HEAD_BYTES);
    in.reset();
    FileType type = FileType.ofHead(head, head.length)
        .filter(policy.allowedTypes()::contains)
        .orElseThrow(() -> RefusedException.badRequest("file",
            "不支持的文件类型，只接受 " + policy.allowedTypesText() + "（按文件内容识别）"));
    if (!type.matchesExtensionOf(fileName)) {
      throw RefusedException.badRequest("file",
          "文件扩展名与内容不符：内容是 " + type.label() + " 文件");
    }
    return type;
  }

  /** Whether all of the file arrived, and a ZIP archive is really a Word document. */
  private static void checkWhole(ContentInspector content, FileType type, long size) {
    if (content.count() != size) {
      throw RefusedException.badRequest("file", "文件上传不完整，请重新上传");
    }
    if (type == FileType.DOCX && !content.docxMainEntrySeen()) {
      throw RefusedException.badRequest("file", "不支持的文件类型：该 ZIP 文件不是 Word 文档（DOCX）");
    }
    if (!type.endsWhole(content.tail())) {
      throw RefusedException.badRequest("file",
          "文件不完整或已损坏：缺少 " + type.label() + " 文件的结尾，请重新上传");
    }
  }

  /** Whether the task is one of the case's (of any of its processes), open or ended. */
  private boolean isTaskOf(Case found, String taskId) {
    if (taskId.length() > TASK_ID_MAX_LENGTH) {
      return false;
    }
    HistoricTaskInstance task = PlatformIdentity.asPlatform(identity, () ->
        history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    return task != null && found.processInstanceId() != null
        && found.processInstanceId().equals(task.getRootProcessInstanceId());
  }

  private static String kinds() {
    return Arrays.stream(AttachmentKind.values())
        .map(kind -> kind.name() + "（" + kind.chineseName() + "）")
        .collect(Collectors.joining("、"));
  }
}
