package org.childprotection.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.childprotection.api.ApiError;
import org.childprotection.api.ErrorExample;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.Vocabulary;
import org.childprotection.security.EngineUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/supervision/kpis?district=&from=&to=} (JSON) and {@code .../kpis.csv}: the
 * supervision figures, their total and the overdue tasks (in the CSV, a second table after an
 * empty line). 民政局, the protection center and administrators see every district (all,
 * or the one they name); a district's staff see their own district only; other units none.
 */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "督导指标", description = """
    各区及合计的在办案件、逾期转介、分诊和评估用时、走访、结案、逾期任务和故障。\
    民政局、保护中心和系统管理员可看全市（或指定的区），各区工作人员只看本区，其他单位不可看。\
    参数：district 为区代码（不填为可看的全部区），from、to 为 yyyy-MM-dd（默认最近 90 天）。""")
@ErrorExample(status = 400, field = "from", message = "日期格式应为 yyyy-MM-dd")
@ErrorExample(status = 400, field = "from", message = "开始日期不能晚于结束日期")
@ErrorExample(status = 400, field = "district", message = "未知的区代码")
@ErrorExample(status = 403, message = "督导数据仅供民政局、保护中心和各区查看")
@ErrorExample(status = 403, field = "district", message = "只能查看本区的督导数据")
public class KpiController {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final KpiService kpis;
  private final Clock clock;

  public KpiController(KpiService kpis, Clock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  @GetMapping("/kpis")
  @Operation(summary = "督导指标（JSON）")
  @ApiResponse(responseCode = "200", description = "各区的指标、合计和逾期任务",
      content = @Content(schema = @Schema(implementation = Kpis.class)))
  public ResponseEntity<?> json(@RequestParam(required = false) String district,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication caller) {
    Object result = compute(district, from, to, caller);
    return result instanceof ResponseEntity<?> refusal ? refusal : ResponseEntity.ok(result);
  }

  @GetMapping("/kpis.csv")
  @Operation(summary = "督导指标（CSV，供 Excel 打开）", description = """
      UTF-8（带 BOM）。第一张表每行一项指标（区、区名、指标、项目、数值），空一行后为逾期任务表。""")
  @ApiResponse(responseCode = "200", description = "CSV 文件（supervision-kpis.csv）",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  public ResponseEntity<?> csv(@RequestParam(required = false) String district,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication caller) {
    Object result = compute(district, from, to, caller);
    if (result instanceof ResponseEntity<?> refusal) {
      return refusal;
    }
    Kpis figures = (Kpis) result;
    StringBuilder csv = new StringBuilder("\uFEFF区,区名,指标,项目,数值\r\n");
    for (Kpis.DistrictKpis d : figures.districts()) {
      figures(csv, d);
    }
    figures(csv, figures.total());
    csv.append("\r\n逾期任务\r\n区,区名,案件编号,任务,办理人或单位,到期时间,逾期分钟数,逾期\r\n");
    for (Kpis.OverdueTask task : figures.overdueTasks()) {
      line(csv, task.district(), task.districtName(),
          task.caseNumber() == null ? "" : task.caseNumber(), task.task(), task.owner(),
          DUE.format(task.due()), String.valueOf(task.minutesOverdue()), task.lateness());
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"supervision-kpis.csv\"")
        .body(csv.toString());
  }

  /** One district's (or the total's) figures, one row each. */
  private static void figures(StringBuilder csv, Kpis.DistrictKpis d) {
    rows(csv, d, "在办案件（类别）", words("category", d.openCasesByCategory()));
    rows(csv, d, "在办案件（风险等级）", words("riskLevel", d.openCasesByLevel()));
    rows(csv, d, "逾期转介（单位）", words("group", d.overdueReferralsByUnit()));
    durationRows(csv, d, "报告至分诊（小时）", d.hoursToTriage());
    durationRows(csv, d, "报告至评估完成（小时）", d.hoursToAssessment());
    rows(csv, d, "走访", Map.of("应走访", d.visits().due(), "已走访", d.visits().done()));
    rows(csv, d, "结案（原因）", words("closureReason", d.closuresByReason()));
    rows(csv, d, "逾期任务", Map.of("件数", d.overdueTaskCount()));
    rows(csv, d, "故障", Map.of("件数", d.incidentCount()));
  }

  private Object compute(String district, String from, String to, Authentication caller) {
    LocalDate end;
    LocalDate start;
    try {
      end = to == null || to.isBlank() ? LocalDate.now(clock) : date("to", to);
      start = from == null || from.isBlank() ? end.minusDays(90) : date("from", from);
    } catch (BadDate e) {
      return ResponseEntity.badRequest().body(ApiError.of(e.parameter, e.getMessage()));
    }
    if (start.isAfter(end)) {
      return ResponseEntity.badRequest().body(ApiError.of("from", "开始日期不能晚于结束日期"));
    }
    EngineUser user = (EngineUser) caller.getDetails();
    boolean cityWide = user.isAdministrator() || user.belongsTo(MemberUnit.CIVIL_AFFAIRS)
        || user.belongsTo(MemberUnit.PROTECTION_CENTER);
    if (!cityWide && user.staffDistricts().isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ApiError.of(null, "督导数据仅供民政局、保护中心和各区查看"));
    }
    List<District> scope;
    if (district == null || district.isBlank()) {
      scope = cityWide ? List.of(District.values()) : user.staffDistricts();
    } else {
      District named = District.ofCode(district).orElse(null);
      if (named == null) {
        return ResponseEntity.badRequest().body(ApiError.of("district", "未知的区代码"));
      }
      if (!cityWide && !user.isStaffOf(named)) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
            .body(ApiError.of("district", "只能查看本区的督导数据"));
      }
      scope = List.of(named);
    }
    return kpis.compute(scope, start, end);
  }

  /** A calendar date in the years the figures can cover (the database's dates end somewhere). */
  private static LocalDate date(String parameter, String value) {
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < 1900 || date.getYear() > 9999) {
        throw new BadDate(parameter, "日期超出范围（1900 至 9999 年）");
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new BadDate(parameter, "日期格式应为 yyyy-MM-dd");
    }
  }

  private static final class BadDate extends RuntimeException {
    private final String parameter;

    BadDate(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }
  }

  /** The figures by the words of their codes, as a person reads the sheet. */
  private static Map<String, Long> words(String kind, Map<String, Long> byCode) {
    Map<String, Long> byWords = new LinkedHashMap<>();
    byCode.forEach((code, value) -> byWords.put(Vocabulary.word(kind, code), value));
    return byWords;
  }

  private static void rows(StringBuilder csv, Kpis.DistrictKpis d, String metric,
      Map<String, Long> values) {
    values.forEach((key, value) -> line(csv, d, metric, key, String.valueOf(value)));
  }

  private static void durationRows(StringBuilder csv, Kpis.DistrictKpis d, String metric,
      Kpis.Durations durations) {
    line(csv, d, metric, "件数", String.valueOf(durations.count()));
    line(csv, d, metric, "中位数", durations.median() == null ? "" : durations.median().toString());
    line(csv, d, metric, "第90百分位", durations.p90() == null ? "" : durations.p90().toString());
  }

  private static void line(StringBuilder csv, Kpis.DistrictKpis d, String metric, String key,
      String value) {
    line(csv, d.district(), d.name(), metric, key, value);
  }

  private static void line(StringBuilder csv, String... cells) {
    StringJoiner row = new StringJoiner(",");
    for (String cell : cells) {
      row.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\""
          : cell);
    }
    csv.append(row).append("\r\n");
  }
}
