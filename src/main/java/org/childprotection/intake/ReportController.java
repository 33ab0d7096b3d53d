package org.childprotection.intake;

import java.security.Principal;
import java.util.List;
import org.childprotection.api.ApiError;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.registry.CaseFileService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reports}: hotlines, police, departments and caseworkers hand in reports. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  private final ReportValidator validator;
  private final IntakeService intake;
  private final CaseFileService caseFiles;

  public ReportController(ReportValidator validator, IntakeService intake,
      CaseFileService caseFiles) {
    this.validator = validator;
    this.intake = intake;
    this.caseFiles = caseFiles;
  }

  @PostMapping
  public ResponseEntity<?> receive(@RequestBody(required = false) ReportRequest report,
      Principal caller) {
    List<FieldError> errors = validator.check(report);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(new ApiError(errors));
    }
    IntakeResult result = intake.receive(report, caller.getName());
    // One child, one case, whoever reports; but a caller who may not read that case (another
    // district's, or a unit's without access to it) is not told its number.
    if (!result.isNewCase() && !caseFiles.mayRead(result.caseNumber())) {
      result = result.withoutCaseNumber();
    }
    return ResponseEntity.status(result.isNewCase() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(result);
  }
}
