package org.childprotection.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.childprotection.api.ApiError;
import org.childprotection.api.ErrorExample;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.AuditLog;
import org.childprotection.registry.CaseAccess;
import org.childprotection.registry.CaseAccess.CaseView;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.CaseFile;
import org.childprotection.registry.CaseFileService;
import org.childprotection.security.EngineUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}/export.pdf}: the case file as a PDF, for the full view only
 * (403 for a masked view, 404 for anybody else). {@code GET /api/cases/export.xlsx?district=}:
 * a district's case list, for its own staff, 民政局, 保护中心 and administrators. Each export is
 * written to the audit log, the list's once for every case in it.
 */
@RestController
@Tag(name = "导出", description = "个案档案导出为 PDF（供法院和归档），一个区的个案清单导出为 Excel；每次导出都记入访问记录")
public class ExportController {

  static final String EXPORT_PDF = "EXPORT_PDF";
  static final String EXPORT_XLSX = "EXPORT_XLSX";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final CaseAccess access;
  private final CaseFileService caseFiles;
  private final CaseFilePdf pdf;
  private final PdfFont font;
  private final CaseListXlsx xlsx;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final Clock clock;

  public ExportController(CaseAccess access, CaseFileService caseFiles, CaseFilePdf pdf,
      PdfFont font, CaseListXlsx xlsx, AuditLog audit, JdbcClient jdbc,
      IdentityService identity, Clock clock) {
    this.access = access;
    this.caseFiles = caseFiles;
    this.pdf = pdf;
    this.font = font;
    this.xlsx = xlsx;
    this.audit = audit;
    this.jdbc = jdbc;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/api/cases/{caseNumber}/export.pdf")
  @Operation(summary = "个案档案导出为 PDF", description = "仅可查看完整档案（FULL）的人员可导出。")
  @ApiResponse(responseCode = "200", description = "PDF 文件（文件名：个案档案-{caseNumber}.pdf）",
      content = @Content(mediaType = "application/pdf",
          schema = @Schema(type = "string", format = "binary")))
  @ErrorExample(status = 403, message = "只有个案所在区工作人员、民政局和保护中心可以导出个案档案")
  @ErrorExample(status = 404, field = "caseNumber", message = "案件不存在或无权查看")
  @ErrorExample(status = 503, message = "PDF 导出暂不可用：服务器未安装中文字体，请联系系统管理员")
  public ResponseEntity<?> pdf(@PathVariable String caseNumber, Authentication caller) {
    EngineUser user = user(caller);
    Optional<CaseView> view = user == null ? Optional.empty()
        : access.viewOf(caseNumber);
    if (view.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "caseNumber", "案件不存在或无权查看");
    }
    if (view.get().view() != View.FULL) {
      return error(HttpStatus.FORBIDDEN, null, "只有个案所在区工作人员、民政局和保护中心可以导出个案档案");
    }
    if (font.font().isEmpty()) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, null,
          "PDF 导出暂不可用：服务器未安装中文字体，请联系系统管理员");
    }
    CaseFile file = (CaseFile) caseFiles.read(caseNumber, user.userId()); // FULL view: the whole file
    byte[] document = pdf.render(file, font.font().get(), exporter(user.userId()),
        Instant.now(clock));
    audit.record(user.userId(), EXPORT_PDF, caseNumber);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, "application/pdf")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("个案档案-" + caseNumber + ".pdf", StandardCharsets.UTF_8).build()
            .toString())
        .body(document);
  }

  @GetMapping("/api/cases/export.xlsx")
  @Operation(summary = "一个区的个案清单导出为 Excel", description = """
      各区工作人员只能导出本区的清单；民政局、保护中心和系统管理员可导出任何区的。""")
  @ApiResponse(responseCode = "200", description = "Excel 文件（文件名：个案清单-{区名}-{日期}.xlsx）",
      content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
  @ErrorExample(status = 400, field = "district", message = "未知的区代码")
  @ErrorExample(status = 403, message = "个案清单由各区工作人员、民政局和保护中心导出")
  @ErrorExample(status = 403, field = "district", message = "只能导出本区的个案清单")
  public ResponseEntity<ApiError> xlsx(@RequestParam("district") String districtCode,
      Authentication caller, HttpServletResponse response) throws IOException {
    EngineUser user = user(caller);
    if (user == null || !(user.isAdministrator() || user.belongsTo(MemberUnit.CIVIL_AFFAIRS)
        || user.belongsTo(MemberUnit.PROTECTION_CENTER) || !user.staffDistricts().isEmpty())) {
      return error(HttpStatus.FORBIDDEN, null, "个案清单由各区工作人员、民政局和保护中心导出");
    }
    Optional<District> district = District.ofCode(districtCode);
    if (district.isEmpty()) {
      return error(HttpStatus.BAD_REQUEST, "district", "未知的区代码");
    }
    if (!(user.isAdministrator() || user.belongsTo(MemberUnit.CIVIL_AFFAIRS)
        || user.belongsTo(MemberUnit.PROTECTION_CENTER) || user.isStaffOf(district.get()))) {
      return error(HttpStatus.FORBIDDEN, "district", "只能导出本区的个案清单");
    }
    jdbc.sql("""
            INSERT INTO audit_log (user_id, action, case_number, at)
            SELECT ?, ?, case_number, ? FROM protection_case WHERE district = ?""")
        .params(user.userId(), EXPORT_XLSX, OffsetDateTime.now(ZoneOffset.UTC),
            district.get().code())
        .update();
    response.setContentType(XLSX);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("个案清单-" + district.get().chineseName() + "-" + LocalDate.now(clock) + ".xlsx",
            StandardCharsets.UTF_8).build().toString());
    xlsx.write(district.get(), response.getOutputStream());
    return null; // the sheet is written
  }

  /** The exporter as the document names them: "张三（gulou）", or the user id alone. */
  private String exporter(String userId) {
    User account = identity.createUserQuery().userId(userId).singleResult();
    String name = account == null ? "" : (Optional.ofNullable(account.getLastName()).orElse("")
        + Optional.ofNullable(account.getFirstName()).orElse("")).strip();
    return name.isEmpty() ? userId : name + "（" + userId + "）";
  }

  private static EngineUser user(Authentication caller) {
    return caller != null && caller.getDetails() instanceof EngineUser user ? user : null;
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).body(ApiError.of(field, message));
  }
}
