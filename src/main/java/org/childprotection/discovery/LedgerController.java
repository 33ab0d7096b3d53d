package org.childprotection.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.childprotection.api.ApiError;
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
public class LedgerController {

  private final LedgerImporter importer;
  private final LedgerImports imports;
  private final LedgerPolicy policy;

  public LedgerController(LedgerImporter importer, LedgerImports imports, LedgerPolicy policy) {
    this.importer = importer;
    this.imports = imports;
    this.policy = policy;
  }

  @PostMapping
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
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", "RUNNING"));
  }

  @GetMapping("/{id}")
  public ResponseEntity<?> report(@PathVariable String id, Authentication caller) {
    if (!importsLedgers(caller)) {
      return refused();
    }
    LedgerImports.LedgerImport found = imports.byId(id)
        .filter(i -> mayWorkIn(caller, District.ofCode(i.district()).orElseThrow()))
        .orElseThrow(() -> new NotFoundException("id", "导入记录不存在或无权查看"));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("id", found.id());
    report.put("district", found.district());
    report.put("fileName", found.fileName());
    report.put("status", found.status());
    report.put("rowsRead", found.rowsRead());
    report.put("accepted", found.accepted());
    report.put("rejected", found.rejected());
    report.put("duplicates", found.duplicates());
    report.put("casesOpened", found.casesOpened());
    if (found.failure() != null) {
      report.put("failure", found.failure());
    }
    report.put("errors", imports.errorsOf(id, policy.maxReportedErrors()));
    return ResponseEntity.ok(report);
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
