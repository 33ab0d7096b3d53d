package org.childprotection.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.childprotection.api.ApiError;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.api.ErrorExample;
import org.childprotection.api.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/work-calendar/{year}} (anybody logged in) and {@code PUT} (administrators): a
 * year of the State Council's holiday calendar, {@code {"source", "offDays": [...],
 * "workingWeekendDays": [...]}}. A PUT replaces the whole year; every node uses it within the
 * reload interval.
 */
@RestController
@RequestMapping("/api/work-calendar")
@Tag(name = "工作日历", description = "国务院办公厅公布的节假日安排（放假日和调休上班日），各项以工作日计的期限据此计算")
public class WorkCalendarController {

  /** What an administrator sends for a year. */
  public record YearRequest(String source, List<String> offDays, List<String> workingWeekendDays) {}

  private static final int MAX_SOURCE = 200;

  private final WorkCalendar calendar;
  private final Clock clock;

  public WorkCalendarController(WorkCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @GetMapping("/{year}")
  @Operation(summary = "查看一年的节假日安排", description = "任何已登录用户可查。")
  @ErrorExample(status = 404, field = "year", message = "该年度的节假日安排尚未录入")
  public WorkCalendar.Year get(@PathVariable int year) {
    return calendar.year(year)
        .orElseThrow(() -> new NotFoundException("year", "该年度的节假日安排尚未录入"));
  }

  @PutMapping("/{year}")
  @Operation(summary = "录入或替换一年的节假日安排（系统管理员）", description = """
      整年替换：offDays 为放假日，workingWeekendDays 为调休上班的周六、周日，均须在该年内。\
      各节点在刷新间隔（minor-protection.calendar.reload-interval）内启用新安排。""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
      @ExampleObject("""
          {"source": "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）",
           "offDays": ["2026-01-01", "2026-01-02", "2026-01-03"],
           "workingWeekendDays": ["2026-01-04"]}""")))
  @ApiResponse(responseCode = "200", description = "已保存的安排", content = @Content(
      schema = @Schema(implementation = WorkCalendar.Year.class)))
  @ErrorExample(status = 400, field = "workingWeekendDays", message = "2027-02-08 不是周末，无需调休上班")
  @ErrorExample(status = 400, field = "offDays", message = "日期格式应为 yyyy-MM-dd")
  @ErrorExample(status = 400, message = "请求体不能为空")
  @ErrorExample(status = 403, message = "无权访问")
  public ResponseEntity<?> put(@PathVariable int year, @RequestBody(required = false)
      YearRequest request, Principal caller) {
    List<FieldError> errors = new ArrayList<>();
    if (year < 2000 || year > 2100) {
      errors.add(new FieldError("year", "年度应在 2000 至 2100 之间"));
    }
    if (request == null) {
      return ResponseEntity.badRequest().body(ApiError.of(null, "请求体不能为空"));
    }
    if (request.source() == null || request.source().isBlank()
        || request.source().length() > MAX_SOURCE) {
      errors.add(new FieldError("source", "请填写发文依据（不超过 200 字），如国务院办公厅通知的名称与日期"));
    }
    List<LocalDate> off = days(request.offDays(), "offDays", year, errors);
    List<LocalDate> working = days(request.workingWeekendDays(), "workingWeekendDays", year,
        errors);
    for (LocalDate day : working) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        errors.add(new FieldError("workingWeekendDays", day + " 不是周末，无需调休上班"));
      }
      if (off.contains(day)) {
        errors.add(new FieldError("workingWeekendDays", day + " 同时列为放假日"));
      }
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(new ApiError(errors));
    }
    calendar.replace(new WorkCalendar.Year(year, request.source().trim(), caller.getName(),
        OffsetDateTime.now(clock), off, working));
    return ResponseEntity.ok(calendar.year(year).orElseThrow());
  }

  private static List<LocalDate> days(List<String> values, String field, int year,
      List<FieldError> errors) {
    List<LocalDate> days = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      LocalDate day;
      try {
        day = LocalDate.parse(value == null ? "" : value);
      } catch (java.time.format.DateTimeParseException e) {
        errors.add(new FieldError(field, "日期格式应为 yyyy-MM-dd"));
        continue;
      }
      if (day.getYear() != year) {
        errors.add(new FieldError(field, day + " 不在 " + year + " 年"));
      } else if (seen.add(day)) {
        days.add(day);
      }
    }
    return days;
  }
}
