package org.childprotection.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.childprotection.api.ApiError;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.api.ErrorExample;
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
@Tag(name = "报告受理", description = "热线、110、部门通报、强制报告责任人和社工报告困境儿童")
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
  @Operation(summary = "报告一名困境儿童：立案，或并入其在办案件", description = """
      同一儿童已有在办案件时并入该案（200，MERGED）；同一 channel 与 channelTicketId 再次提交时\
      同样答复 200，不会重复立案。调用者无权查看所并入的案件时，答复不含案件编号。\
      儿童须有身份证号、出生日期（yyyy-MM-dd）或估计年龄之一；gender 为 M、F 或 U。\
      channel、reporter.type、suspectedCategories、location.district 的代码及中文见 \
      GET /api/vocabulary。""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
      @ExampleObject(name = "hotline", summary = "12345 热线工单", value = """
          {"channel": "HOTLINE_12345", "channelTicketId": "12345-20261128-0001",
           "receivedAt": "2026-11-28T09:30:00+08:00",
           "reporter": {"name": "王女士", "phone": "13800000000", "type": "NEIGHBOUR"},
           "child": {"name": "小明", "idNumber": "320106201503040012", "gender": "M"},
           "location": {"district": "gulou", "street": "湖南路街道",
                        "community": "凤凰二村社区", "address": "湖南路1号"},
           "suspectedCategories": ["DOMESTIC_VIOLENCE"], "immediateDanger": true,
           "description": "邻居听到孩子哭喊"}"""),
      @ExampleObject(name = "departmentNotice", summary = "部门通报（教育部门：连续缺课）",
          value = """
          {"channel": "DEPARTMENT_NOTICE", "channelTicketId": "EDU-2026-000318",
           "reporter": {"type": "EDUCATION", "organisation": "鼓楼区某小学",
                        "phone": "025-83000000"},
           "child": {"name": "小红", "idNumber": "320106201503040012", "gender": "F"},
           "location": {"district": "gulou", "street": "湖南路街道"},
           "suspectedCategories": ["SPECIAL_HARDSHIP"], "immediateDanger": false,
           "description": "连续缺课15天，家长联系不上"}""")}))
  @ApiResponse(responseCode = "201", description = "已立案，流程已启动", content = @Content(
      schema = @Schema(implementation = IntakeResult.class), examples = @ExampleObject("""
          {"caseNumber": "NJ-2026-000001", "processInstanceId": "5f3c2a1e-…",
           "status": "OPENED"}""")))
  @ApiResponse(responseCode = "200", description = "已并入该儿童的在办案件（或重复提交的同一工单）",
      content = @Content(schema = @Schema(implementation = IntakeResult.class),
          examples = @ExampleObject("""
              {"caseNumber": "NJ-2026-000001", "status": "MERGED"}""")))
  @ErrorExample(status = 400, field = "child.idNumber", message = "身份证号校验位错误")
  @ErrorExample(status = 400, field = "location.district", message = "未知的区代码：shanghai")
  @ErrorExample(status = 400, field = "suspectedCategories[1]", message = "未知的类别代码：ORPHAN")
  @ErrorExample(status = 400, message = "请求体不是有效的 JSON")
  @ErrorExample(status = 415, message = "不支持的内容类型，请使用 application/json")
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
