package org.childprotection.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.api.TextChecks;
import org.childprotection.organisation.District;
import org.childprotection.registry.Category;
import org.childprotection.registry.IdNumber;
import org.springframework.stereotype.Component;

/** Checks a report field by field; every problem is named with its field and a reason. */
@Component
public class ReportValidator {

  private static final Set<String> GENDERS = Set.of("M", "F", "U");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,20}");
  private static final Set<String> HOUSEHOLDS = Set.of("LOCAL", "NONLOCAL");

  private final IntakePolicy policy;
  private final Clock clock;

  public ReportValidator(IntakePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  public List<FieldError> check(ReportRequest report) {
    List<FieldError> errors = new ArrayList<>();
    if (report == null) {
      errors.add(new FieldError(null, "请求体不能为空"));
      return errors;
    }
    if (blank(report.channel())) {
      errors.add(new FieldError("channel", "必须填写报告渠道"));
    } else if (Channel.ofCode(report.channel()).isEmpty()) {
      errors.add(new FieldError("channel", "未知的报告渠道：" + shorten(report.channel())));
    }
    length(errors, "channelTicketId", report.channelTicketId(), 100);
    length(errors, "receivedAt", report.receivedAt(), 40);
    if (!blank(report.receivedAt())) {
      try {
        if (OffsetDateTime.parse(report.receivedAt()).isAfter(OffsetDateTime.now(clock)
            .plusMinutes(10))) {
          errors.add(new FieldError("receivedAt", "受理时间不能晚于当前时间"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("receivedAt", "受理时间格式应为 ISO-8601，如 2026-11-28T09:30:00+08:00"));
      }
    }
    if (report.reporter() != null) {
      length(errors, "reporter.name", report.reporter().name(), policy.maxNameLength());
      phone(errors, "reporter.phone", report.reporter().phone());
      length(errors, "reporter.type", report.reporter().type(), policy.maxTextLength());
      length(errors, "reporter.organisation", report.reporter().organisation(),
          policy.maxTextLength());
    }
    checkChild(errors, report.child());
    checkLocation(errors, report.location());
    checkCategories(errors, report.suspectedCategories());
    length(errors, "description", report.description(), policy.maxDescriptionLength());
    if (report.guardians() != null) {
      for (int i = 0; i < report.guardians().size(); i++) {
        ReportRequest.Guardian guardian = report.guardians().get(i);
        String field = "guardians[" + i + "]";
        if (guardian == null) {
          errors.add(new FieldError(field, "监护人信息不能为空"));
          continue;
        }
        length(errors, field + ".name", guardian.name(), policy.maxNameLength());
        length(errors, field + ".relation", guardian.relation(), policy.maxTextLength());
        phone(errors, field + ".phone", guardian.phone());
        length(errors, field + ".status", guardian.status(), policy.maxTextLength());
      }
    }
    return errors;
  }

  private void checkChild(List<FieldError> errors, ReportRequest.Child child) {
    if (child == null) {
      errors.add(new FieldError("child", "必须填写儿童信息"));
      return;
    }
    if (blank(child.name())) {
      errors.add(new FieldError("child.name", "必须填写儿童姓名"));
    } else {
      length(errors, "child.name", child.name(), policy.maxNameLength());
    }
    if (blank(child.gender()) || !GENDERS.contains(child.gender())) {
      errors.add(new FieldError("child.gender", "性别应为 M（男）、F（女）或 U（不详）"));
    }
    if (!blank(child.household()) && !HOUSEHOLDS.contains(child.household())) {
      errors.add(new FieldError("child.household", "户籍应为 LOCAL（本市）或 NONLOCAL（外地）"));
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate birthDate = null;
    if (!blank(child.birthDate())) {
      try {
        birthDate = LocalDate.parse(child.birthDate());
        if (birthDate.isAfter(today)) {
          errors.add(new FieldError("child.birthDate", "出生日期不能晚于今天"));
        } else if (!birthDate.plusYears(policy.adultAge()).isAfter(today)) {
          errors.add(new FieldError("child.birthDate", "已满" + policy.adultAge()
              + "周岁，不属于未成年人"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("child.birthDate", "出生日期格式应为 yyyy-MM-dd"));
      }
    }
    length(errors, "child.idNumber", child.idNumber(), 18);
    length(errors, "child.gender", child.gender(), 1);
    if (!blank(child.idNumber()) && !TextChecks.hasControlCharacters(child.idNumber())) {
      IdNumber.problem(child.idNumber(), today).ifPresentOrElse(
          problem -> errors.add(new FieldError("child.idNumber", problem)),
          () -> {
            LocalDate fromId = IdNumber.birthDate(child.idNumber()).orElseThrow();
            if (!fromId.plusYears(policy.adultAge()).isAfter(today)) {
              errors.add(new FieldError("child.idNumber", "身份证号显示已满"
                  + policy.adultAge() + "周岁，不属于未成年人"));
            }
          });
      if (birthDate != null && IdNumber.birthDate(child.idNumber())
          .filter(d -> !d.equals(LocalDate.parse(child.birthDate()))).isPresent()) {
        errors.add(new FieldError("child.birthDate", "出生日期与身份证号不一致"));
      }
    }
    if (child.estimatedAge() != null
        && (child.estimatedAge() < 0 || child.estimatedAge() >= policy.adultAge())) {
      errors.add(new FieldError("child.estimatedAge", "估计年龄应在 0 到 "
          + (policy.adultAge() - 1) + " 岁之间"));
    }
    if (blank(child.birthDate()) && blank(child.idNumber()) && child.estimatedAge() == null) {
      errors.add(new FieldError("child.birthDate", "必须填写出生日期、身份证号或估计年龄之一"));
    }
  }

  private void checkLocation(List<FieldError> errors, ReportRequest.Location location) {
    if (location == null) {
      errors.add(new FieldError("location", "必须填写儿童所在地"));
      return;
    }
    if (blank(location.district())) {
      errors.add(new FieldError("location.district", "必须填写所在区"));
    } else if (District.ofCode(location.district()).isEmpty()) {
      errors.add(new FieldError("location.district", "未知的区代码：" + shorten(location.district())));
    }
    length(errors, "location.street", location.street(), policy.maxTextLength());
    length(errors, "location.community", location.community(), policy.maxTextLength());
    length(errors, "location.address", location.address(), policy.maxTextLength());
  }

  private static void checkCategories(List<FieldError> errors, List<String> categories) {
    if (categories == null || categories.isEmpty()) {
      errors.add(new FieldError("suspectedCategories", "至少选择一个类别"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < categories.size(); i++) {
      String code = categories.get(i);
      String field = "suspectedCategories[" + i + "]";
      if (code == null || Category.ofCode(code).isEmpty()) {
        errors.add(new FieldError(field, "未知的类别代码：" + shorten(code)));
      } else if (!seen.add(code)) {
        errors.add(new FieldError(field, "类别重复：" + code));
      }
    }
  }

  private static void phone(List<FieldError> errors, String field, String phone) {
    if (!blank(phone) && !PHONE.matcher(phone).matches()) {
      errors.add(new FieldError(field, "电话号码格式不正确"));
    }
  }

  private static void length(List<FieldError> errors, String field, String value, int max) {
    if (TextChecks.hasControlCharacters(value)) {
      errors.add(new FieldError(field, TextChecks.CONTROL_CHARACTER_MESSAGE));
    } else if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "长度不能超过 " + max + " 个字符"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Echoes a bad value back only briefly: it may be long, or someone's data. */
  private static String shorten(String value) {
    if (value == null) {
      return "（空）";
    }
    return value.length() > 30 ? value.substring(0, 30) + "…" : value;
  }
}
