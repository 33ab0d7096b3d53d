package org.childprotection.court;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.childprotection.api.ApiError;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.api.ErrorExample;
import org.childprotection.api.TextChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/court/rulings}: the court's system hands back its acceptance and its judgment
 * (判决) of an application to revoke or restore guardianship. The path and the JSON names keep
 * the word "ruling" of the published contract (SPEC section 7).
 */
@RestController
@RequestMapping("/api/court/rulings")
@Tag(name = "法院回执", description = "法院系统回传撤销或恢复监护资格申请的受理和判决")
public class CourtRulingController {

  private static final Set<String> OUTCOMES = Set.of("REVOKED", "RESTORED", "DISMISSED");

  private final CourtCallbackService callbacks;
  private final Clock clock;

  public CourtRulingController(CourtCallbackService callbacks, Clock clock) {
    this.callbacks = callbacks;
    this.clock = clock;
  }

  @PostMapping
  @Operation(summary = "法院受理或判决一项监护资格申请", description = """
      仅法院组（court）的系统账号可调用，其他调用者在读取请求体之前即答复 403。\
      不带 outcome 为受理：须有 acceptedDate（受理日期，不晚于今天、不早于申请移送法院之日）。\
      带 outcome 为判决：撤销申请为 REVOKED 或 DISMISSED，恢复申请为 RESTORED 或 DISMISSED，\
      须有 rulingDate；此前未回传受理的，可一并带 acceptedDate。\
      判决期限自 acceptedDate 起算 30 日。同样的回执再次发送时答复 200，repeated 为 true，\
      不重复处理；与此前不同的回执答复 409。""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
      @ExampleObject(name = "acceptance", summary = "受理", value = """
          {"applicationNumber": "SQ-2026-00001", "courtCaseNumber": "（2026）苏0106民特1号",
           "acceptedDate": "2026-11-20"}"""),
      @ExampleObject(name = "judgment", summary = "判决（撤销监护资格）", value = """
          {"applicationNumber": "SQ-2026-00001", "courtCaseNumber": "（2026）苏0106民特1号",
           "outcome": "REVOKED", "rulingDate": "2026-11-28", "appointedGuardian": "祖母"}""")}))
  @ApiResponse(responseCode = "200", description = "已登记（status 为 ACCEPTED 或 RULED）",
      content = @Content(schema = @Schema(implementation = CourtCallbackResult.class),
          examples = @ExampleObject("""
              {"applicationNumber": "SQ-2026-00001", "status": "RULED", "repeated": false}""")))
  @ErrorExample(status = 400, field = "outcome", message = "判决结果应为 REVOKED、RESTORED 或 DISMISSED")
  @ErrorExample(status = 400, field = "rulingDate", message = "判决日期不能晚于今天")
  @ErrorExample(status = 400, field = "acceptedDate", message = "必须填写法院的受理日期（yyyy-MM-dd）")
  @ErrorExample(status = 403, message = "无权访问")
  @ErrorExample(status = 404, field = "applicationNumber", message = "申请编号不存在")
  @ErrorExample(status = 409, field = "outcome", message = "该申请已判决，不能更改")
  @ErrorExample(status = 409, field = "outcome",
      message = "该申请已由法院受理（案号 （2026）苏0106民特1号，受理日期 2026-11-20）")
  public ResponseEntity<?> receive(@RequestBody(required = false) CourtCallback callback,
      Principal caller) {
    List<FieldError> errors = check(callback);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(new ApiError(errors));
    }
    return ResponseEntity.ok(callbacks.receive(callback, caller.getName()));
  }

  @ExceptionHandler(CourtConflictException.class)
  ResponseEntity<ApiError> conflict(CourtConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("outcome", e.getMessage()));
  }

  private List<FieldError> check(CourtCallback callback) {
    List<FieldError> errors = new ArrayList<>();
    if (callback == null) {
      errors.add(new FieldError(null, "请求体不能为空"));
      return errors;
    }
    for (String[] field : new String[][] {{"applicationNumber", callback.applicationNumber()},
        {"courtCaseNumber", callback.courtCaseNumber()},
        {"acceptedDate", callback.acceptedDate()}, {"outcome", callback.outcome()},
        {"rulingDate", callback.rulingDate()}, {"appointedGuardian", callback.appointedGuardian()}}) {
      if (TextChecks.hasControlCharacters(field[1])) {
        errors.add(new FieldError(field[0], TextChecks.CONTROL_CHARACTER_MESSAGE));
      }
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    if (blank(callback.applicationNumber()) || callback.applicationNumber().length() > 30) {
      errors.add(new FieldError("applicationNumber", "必须填写申请编号（不超过30个字符）"));
    }
    if (blank(callback.courtCaseNumber()) || callback.courtCaseNumber().length() > 50) {
      errors.add(new FieldError("courtCaseNumber", "必须填写法院案号（不超过50个字符）"));
    }
    LocalDate acceptedDate = null;
    if (blank(callback.acceptedDate())) {
      if (!callback.isRuling()) {
        errors.add(new FieldError("acceptedDate", "必须填写法院的受理日期（yyyy-MM-dd）"));
      }
    } else {
      acceptedDate = day(callback.acceptedDate(), "acceptedDate", "受理日期", errors);
    }
    if (callback.isRuling()) {
      if (!OUTCOMES.contains(callback.outcome())) {
        errors.add(new FieldError("outcome", "判决结果应为 REVOKED、RESTORED 或 DISMISSED"));
      }
      if (blank(callback.rulingDate())) {
        errors.add(new FieldError("rulingDate", "必须填写判决日期"));
      } else {
        LocalDate rulingDate = day(callback.rulingDate(), "rulingDate", "判决日期", errors);
        if (rulingDate != null && rulingDate.isAfter(LocalDate.now(clock))) {
          errors.add(new FieldError("rulingDate", "判决日期不能晚于今天"));
        }
        if (rulingDate != null && acceptedDate != null && acceptedDate.isAfter(rulingDate)) {
          errors.add(new FieldError("acceptedDate", "受理日期不能晚于判决日期"));
        }
      }
    }
    if (callback.appointedGuardian() != null && callback.appointedGuardian().length() > 100) {
      errors.add(new FieldError("appointedGuardian", "长度不能超过 100 个字符"));
    }
    return errors;
  }

  private static LocalDate day(String value, String field, String name,
      List<FieldError> errors) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, name + "格式应为 yyyy-MM-dd"));
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
