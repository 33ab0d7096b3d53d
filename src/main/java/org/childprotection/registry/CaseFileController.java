package org.childprotection.registry;

import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseNumber}}: one child's whole case file. */
@RestController
@RequestMapping("/api/cases")
public class CaseFileController {

  private final CaseFileService caseFiles;

  public CaseFileController(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @GetMapping("/{caseNumber}")
  public CaseFile read(@PathVariable String caseNumber, Principal caller) {
    return caseFiles.read(caseNumber, caller.getName());
  }
}
