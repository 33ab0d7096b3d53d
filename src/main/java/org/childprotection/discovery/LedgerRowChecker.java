package org.childprotection.discovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.childprotection.api.TextChecks;
import org.childprotection.organisation.District;
import org.childprotection.registry.Category;
import org.childprotection.registry.IdNumber;

/**
 * Checks a data row column by column. Every problem is reported with the row, the column's
 * Chinese name, and a reason in Chinese.
 */
final class LedgerRowChecker {

  /** A problem in a row: the column (as the header names it) and why. */
  record Problem(int row, String column, String message) {}

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");
  private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[、;；,，]");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");

  private final District district;
  private final Clock clock;
  private final int adultAge;

  LedgerRowChecker(District district, Clock clock, int adultAge) {
    this.district = district;
    this.clock = clock;
    this.adultAge = adultAge;
  }

  /** The row, or the problems that keep it out. */
  Object check(int number, List<String> raw) {
    List<String> cells = new ArrayList<>(raw);
    while (cells.size() < LedgerColumns.HEADER.size()) {
      cells.add("");
    }
    List<Problem> problems = new ArrayList<>();
    for (int column = 0; column < LedgerColumns.HEADER.size(); column++) {
      if (TextChecks.hasControlCharacters(cells.get(column))) {
        problem(problems, number, column, TextChecks.CONTROL_CHARACTER_MESSAGE);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    LocalDate today = LocalDate.now(clock);

    String name = cell(cells, LedgerColumns.NAME);
    if (name.isEmpty()) {
      problem(problems, number, LedgerColumns.NAME, "姓名不能为空");
    } else if (name.length() > 50) {
      problem(problems, number, LedgerColumns.NAME, "姓名过长（不超过50字）");
    }
    String gender = switch (cell(cells, LedgerColumns.GENDER)) {
      case "男" -> "M";
      case "女" -> "F";
      default -> {
        problem(problems, number, LedgerColumns.GENDER, "性别应填写“男”或“女”");
        yield null;
      }
    };
    LocalDate birth = null;
    String birthText = cell(cells, LedgerColumns.BIRTH_DATE);
    if (!birthText.isEmpty()) {
      birth = date(birthText).orElse(null);
      if (birth == null) {
        problem(problems, number, LedgerColumns.BIRTH_DATE, "出生日期格式应为 yyyy-MM-dd：" + brief(birthText));
      } else if (birth.isAfter(today)) {
        problem(problems, number, LedgerColumns.BIRTH_DATE, "出生日期不能晚于今天");
      } else if (!birth.plusYears(adultAge).isAfter(today)) {
        problem(problems, number, LedgerColumns.BIRTH_DATE, "已满" + adultAge + "周岁，不属于未成年人");
      }
    }
    String idNumber = cell(cells, LedgerColumns.ID_NUMBER).toUpperCase();
    if (!idNumber.isEmpty()) {
      Optional<String> bad = IdNumber.problem(idNumber, today);
      if (bad.isPresent()) {
        problem(problems, number, LedgerColumns.ID_NUMBER, bad.get());
      } else {
        LocalDate fromId = IdNumber.birthDate(idNumber).orElseThrow();
        if (birth != null && !birth.equals(fromId)) {
          problem(problems, number, LedgerColumns.BIRTH_DATE, "出生日期与身份证号不一致");
        }
        if (birth == null && birthText.isEmpty()) {
          birth = fromId;
        }
      }
    } else if (birthText.isEmpty()) {
      problem(problems, number, LedgerColumns.BIRTH_DATE, "出生日期和身份证号至少填写一项");
    }
    String household = switch (cell(cells, LedgerColumns.HOUSEHOLD)) {
      case "本市" -> "LOCAL";
      case "外地" -> "NONLOCAL";
      case "" -> null;
      default -> {
        problem(problems, number, LedgerColumns.HOUSEHOLD, "户籍应填写“本市”或“外地”");
        yield null;
      }
    };
    String districtName = cell(cells, LedgerColumns.DISTRICT);
    Optional<District> rowDistrict = District.ofChineseName(districtName);
    if (rowDistrict.isEmpty()) {
      problem(problems, number, LedgerColumns.DISTRICT, "未知的区：" + brief(districtName));
    } else if (rowDistrict.get() != district) {
      problem(problems, number, LedgerColumns.DISTRICT,
          "不属于本次导入的" + district.chineseName() + "：" + districtName);
    }
    Set<String> categories = new LinkedHashSet<>();
    String categoryText = cell(cells, LedgerColumns.CATEGORIES);
    if (categoryText.isEmpty()) {
      problem(problems, number, LedgerColumns.CATEGORIES, "类别不能为空");
    }
    for (String part : CATEGORY_SEPARATOR.split(categoryText)) {
      if (part.isBlank()) {
        continue;
      }
      Optional<Category> category = Category.ofChineseName(part);
      if (category.isEmpty()) {
        problem(problems, number, LedgerColumns.CATEGORIES, "未知的类别：" + brief(part.trim()));
      } else {
        categories.add(category.get().name());
      }
    }
    boolean atRisk = switch (cell(cells, LedgerColumns.AT_RISK)) {
      case "是" -> true;
      case "否", "" -> false;
      default -> {
        problem(problems, number, LedgerColumns.AT_RISK, "是否存在风险应填写“是”或“否”");
        yield false;
      }
    };
    String phone = cell(cells, LedgerColumns.PHONE);
    if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
      problem(problems, number, LedgerColumns.PHONE, "联系电话格式不正确");
    }
    for (int column : new int[] {LedgerColumns.STREET, LedgerColumns.COMMUNITY,
        LedgerColumns.ADDRESS, LedgerColumns.GUARDIAN_NAME, LedgerColumns.GUARDIAN_RELATION,
        LedgerColumns.GUARDIAN_STATUS, LedgerColumns.NOTE}) {
      if (cell(cells, column).length() > 200) {
        problem(problems, number, column, "内容过长（不超过200字）");
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    return new LedgerRow(number, name, gender, birth, idNumber.isEmpty() ? null : idNumber,
        household, district.code(), cell(cells, LedgerColumns.STREET),
        cell(cells, LedgerColumns.COMMUNITY), cell(cells, LedgerColumns.ADDRESS),
        List.copyOf(categories), cell(cells, LedgerColumns.GUARDIAN_NAME),
        cell(cells, LedgerColumns.GUARDIAN_RELATION), cell(cells, LedgerColumns.GUARDIAN_STATUS),
        phone, atRisk, cell(cells, LedgerColumns.NOTE));
  }

  /** The header must name the columns of SPEC section 6, in order. */
  static Optional<String> headerProblem(List<String> header) {
    List<String> names = header.stream().map(h -> h == null ? "" : h.trim()).toList();
    for (int i = 0; i < LedgerColumns.HEADER.size(); i++) {
      if (i >= names.size() || !names.get(i).equals(LedgerColumns.HEADER.get(i))) {
        return Optional.of("表头第" + (i + 1) + "列应为“" + LedgerColumns.HEADER.get(i) + "”"
            + (i < names.size() ? "，实为“" + brief(names.get(i)) + "”" : "") + "；表头应为："
            + String.join("，", LedgerColumns.HEADER));
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(String text) {
    for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeParseException ignored) {
        // try the next way of writing a date
      }
    }
    return Optional.empty();
  }

  private static void problem(List<Problem> problems, int row, int column, String message) {
    problems.add(new Problem(row, LedgerColumns.HEADER.get(column), message));
  }

  private static String cell(List<String> cells, int column) {
    String value = cells.get(column);
    return value == null ? "" : value.strip();
  }

  private static String brief(String value) {
    return value.length() > 20 ? value.substring(0, 20) + "…" : value;
  }
}
