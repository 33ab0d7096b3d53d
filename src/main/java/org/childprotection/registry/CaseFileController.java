package org.childprotection.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.childprotection.api.ErrorExample;
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
@Tag(name = "个案档案", description = """
    一人一档：查找个案、查看个案档案、追加个案记录、查看访问记录。能看到多少取决于调用者：\
    本区工作人员、民政局、保护中心看全部（FULL），公安、法院、检察院看全部但身份证号打码（POLICE），\
    其他成员单位只看本单位任务所需（UNIT）；其他人答复 404，与案件不存在相同。""")
public class CaseFileController {

  private final CaseFileService caseFiles;
  private final CaseSearch search;

  public CaseFileController(CaseFileService caseFiles, CaseSearch search) {
    this.caseFiles = caseFiles;
    this.search = search;
  }

  @GetMapping
  @Operation(summary = "查找个案（案件编号、儿童或监护人姓名、身份证号、监护人电话）", description = """
      在调用者能查看的个案中查找，在办和已结案件都在内，最新的在前，最多 50 件。\
      案件编号可只写开头；姓名可只写其中一部分；身份证号和电话须完整。""")
  @ErrorExample(status = 400, field = "q", message = "查询内容须为 1 至 50 个字符")
  @ErrorExample(status = 400, field = "q", message = "含有不允许的控制字符")
  public List<CaseSearch.Found> search(@RequestParam("q") String q) {
    return search.search(q);
  }

  @GetMapping("/{caseNumber}")
  @Operation(summary = "查看个案档案", description = """
      儿童、监护人、报告、评估（分数和理由）、转介、走访、监护干预、个案记录、附件、通知和时间线。\
      成员单位（view 为 UNIT）得到的是精简档案（UnitCaseFile）。每次查看都记入访问记录。""")
  @ApiResponse(responseCode = "200", description = "个案档案（view 为 FULL 或 POLICE 时为 CaseFile，"
      + "UNIT 时为 UnitCaseFile）", content = @Content(schema = @Schema(
          oneOf = {CaseFile.class, UnitCaseFile.class})))
  @ErrorExample(status = 404, field = "caseNumber", message = CaseFileService.NOT_FOUND)
  public Object read(@PathVariable String caseNumber, Principal caller) {
    return caseFiles.read(caseNumber, caller.getName());
  }

  /** A note to append; {@code corrects} names the earlier note it corrects, or is null. */
  public record NewNote(String text, Long corrects) {}

  @PostMapping("/{caseNumber}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "追加一条个案记录（只增不改）", description = """
      记录不能修改或删除：更正时追加一条新记录，corrects 为被更正记录的 id。\
      只有可查看完整档案（FULL）的人员可以追加。""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
      @ExampleObject("""
          {"text": "电话回访：孩子已返校，监护人同意下周家访。", "corrects": null}""")))
  @ErrorExample(status = 400, field = "text", message = "记录内容不能为空")
  @ErrorExample(status = 400, field = "corrects", message = "被更正的记录不属于本案")
  @ErrorExample(status = 403, message = "只有本案承办人员和督导可以添加个案记录")
  @ErrorExample(status = 404, field = "caseNumber", message = CaseFileService.NOT_FOUND)
  public CaseFile.NoteView addNote(@PathVariable String caseNumber,
      @RequestBody NewNote note) {
    return caseFiles.addNote(caseNumber, note.text(), note.corrects());
  }

  @GetMapping("/{caseNumber}/access-log")
  @Operation(summary = "查看谁查看或修改过该儿童的档案", description = """
      该儿童所有个案的访问记录，最新的在前。仅民政局、保护中心和系统管理员可看。""")
  @ErrorExample(status = 403, message = "只有民政局、保护中心和系统管理员可以查看访问记录")
  @ErrorExample(status = 404, field = "caseNumber", message = CaseFileService.NOT_FOUND)
  public List<CaseFileService.AccessEntry> accessLog(@PathVariable String caseNumber) {
    return caseFiles.accessLog(caseNumber);
  }
}
