package org.childprotection.registry;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file ({@code GET /api/cases/{caseNumber}}), search ({@code GET /api/cases?q=}),
 * notes ({@code POST /api/cases/{caseNumber}/notes}, append-only: no PUT or DELETE) and the
 * access log ({@code GET /api/cases/{caseNumber}/access-log}).
 */
@RestController
@RequestMapping("/api/cases")
public class CaseFileController {

  private final CaseFileService caseFiles;
  private final CaseSearch search;

  public CaseFileController(CaseFileService caseFiles, CaseSearch search) {
    this.caseFiles = caseFiles;
    this.search = search;
  }

  @GetMapping
  public List<CaseSearch.Found> search(@RequestParam("q") String q) {
    return search.search(q);
  }

  @GetMapping("/{caseNumber}")
  public Object read(@PathVariable String caseNumber, Principal caller) {
    return caseFiles.read(caseNumber, caller.getName());
  }

  /** A note to append; {@code corrects} names the earlier note it corrects, or is null. */
  public record NewNote(String text, Long corrects) {}

  @PostMapping("/{caseNumber}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  public CaseFile.NoteView addNote(@PathVariable String caseNumber,
      @RequestBody NewNote note) {
    return caseFiles.addNote(caseNumber, note.text(), note.corrects());
  }

  @GetMapping("/{caseNumber}/access-log")
  public List<CaseFileService.AccessEntry> accessLog(@PathVariable String caseNumber) {
    return caseFiles.accessLog(caseNumber);
  }
}
