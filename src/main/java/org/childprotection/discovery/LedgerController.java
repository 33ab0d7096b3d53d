package org.childprotection.discovery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.childprotection.api.ApiError;
import org.childprotection.api.ErrorExample;
import org.childprotection.api.NotFoundException;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.security.EngineUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/ledgers} takes a district's 基础台帐 and answers at once; {@code GET
 * /api/ledgers/{id}} shows the progress and the row-level report. A district's staff import and
 * read only their own district's ledgers, the protection center and administrators any
 * district's; other units none.
 */
@RestController
@RequestMapping("/api/ledgers")
@Tag(name = "基础台帐", description = "各区导入摸底排查的基础台帐（CSV 或 Excel），查看导入进度和逐行报告")
@ErrorExample(status = 403, message = "基础台帐由各区工作人员和保护中心导入")
public class LedgerController {

  /** The answer to an upload: the import's id, to ask for its report with. */
  public record LedgerImportStarted(String id, String status) {}

  /** An import's progress, counts and rejected rows ({@code failure} only when it failed). */
  public record LedgerImportReport(String id, String district, String fileName, String status,
      int rowsRead, int accepted, int rejected, int duplicates, int casesOpened, String failure,
      List<LedgerImports.RowError> errors) {}

  private final LedgerImporter importer;
  private final LedgerImports imports;
  private final LedgerPolicy policy;

  public LedgerController(LedgerImporter importer, LedgerImports imports, LedgerPolicy policy) {
    this.importer = importer;
    this.imports = imports;
    this.policy = policy;
  }

  @PostMapping
  @Operation(summary = "上传一个区的基础台帐，立即答复导入编号", description = """
      multipart/form-data：file 为台帐文件（.csv 或 .xlsx，UTF-8 或 GBK），district 为区代码。\
      导入在后台进行，用 GET /api/ledgers/{id} 查看进度和报告。各区工作人员只能导入本区的台帐，\
      保护中心和系统管理员可导入任何区的。""")
  @ApiResponse(responseCode = "202", description = "已接收，正在导入", content = @Content(
      schema = @Schema(implementation = LedgerImportStarted.class), examples = @ExampleObject("""
          {"id": "5c1e9f0a-3b7d-4c2e-9a51-0d6f2b8e4a17", "status": "RUNNING"}""")))
  @ErrorExample(status = 400, field = "district", message = "未知的区代码")
  @ErrorExample(status = 400, field = "file", message = "文件为空")
  @ErrorExample(status = 400, field = "file", message = "请以 multipart/form-data 上传文件（字段 file）")
  @ErrorExample(status = 403, field = "district", message = "只能导入本区的基础台帐")
  @ErrorExample(status = 413, field = "file", message = "文件过大")
  public ResponseEntity<?> upload(@RequestParam("file") MultipartFile file,
      @RequestParam("district") String districtCode, Authentication caller) throws IOException {
    if (!importsLedgers(caller)) {
      return refused();
    }
    Optional<District> district = District.ofCode(districtCode);
    if (district.isEmpty()) {
      return ResponseEntity.badRequest().body(ApiError.of("district", "未知的区代码"));
    }
    if (!mayWorkIn(caller, district.get())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ApiError.of("district", "只能导入本区的基础台帐"));
    }
    if (file.isEmpty()) {
      return ResponseEntity.badRequest().body(ApiError.of("file", "文件为空"));
    }
    Path copy = Files.createTempFile("ledger-", ".upload");
    try (InputStream in = file.getInputStream()) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    String id = importer.start(district.get(), file.getOriginalFilename(), copy,
        caller.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LedgerImportStarted(id, "RUNNING"));
  }

  @GetMapping("/{id}")
  @Operation(summary = "查看一次台帐导入的进度和逐行报告", description = """
      status 为 RUNNING、DONE 或 FAILED；errors 列出被拒绝的行（row 从第一行数据起算为 1）及原因。\
      文件无法读取或表头不对时为 FAILED，failure 说明原因。只能查看本区的导入。""")
  @ApiResponse(responseCode = "200", description = "导入的进度和报告", content = @Content(
      schema = @Schema(implementation = LedgerImportReport.class), examples = @ExampleObject("""
          {"id": "5c1e9f0a-3b7d-4c2e-9a51-0d6f2b8e4a17", "district": "qixia",
           "fileName": "栖霞区台帐.xlsx", "status": "DONE", "rowsRead": 120, "accepted": 117,
           "rejected": 3, "duplicates": 4, "casesOpened": 6,
           "errors": [{"row": 12, "column": "身份证号", "message": "身份证号校验位错误"}]}""")))
  @ErrorExample(status = 404, field = "id", message = "导入记录不存在或无权查看")
  public ResponseEntity<?> report(@PathVariable String id, Authentication caller) {
    if (!importsLedgers(caller)) {
      return refused();
    }
    LedgerImports.LedgerImport found = imports.byId(id)
        .filter(i -> mayWorkIn(caller, District.ofCode(i.district()).orElseThrow()))
        .orElseThrow(() -> new NotFoundException("id", "导入记录不存在或无权查看"));
    return ResponseEntity.ok(new LedgerImportReport(found.id(), found.district(),
        found.fileName(), found.status(), found.rowsRead(), found.accepted(), found.rejected(),
        found.duplicates(), found.casesOpened(), found.failure(),
        imports.errorsOf(id, policy.maxReportedErrors())));
  }

  /** A district's staff, the protection center and administrators; no other unit. */
  private static boolean importsLedgers(Authentication caller) {
    return caller.getDetails() instanceof EngineUser user && (user.isAdministrator()
        || user.belongsTo(MemberUnit.PROTECTION_CENTER) || !user.staffDistricts().isEmpty());
  }

  private static boolean mayWorkIn(Authentication caller, District district) {
    return caller.getDetails() instanceof EngineUser user && (user.isAdministrator()
        || user.belongsTo(MemberUnit.PROTECTION_CENTER) || user.isStaffOf(district));
  }

  private static ResponseEntity<ApiError> refused() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ApiError.of(null, "基础台帐由各区工作人员和保护中心导入"));
  }

}
