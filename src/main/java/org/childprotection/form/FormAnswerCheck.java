package org.childprotection.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.api.TextChecks;
import org.childprotection.form.FormSchema.Field;
import org.childprotection.process.VariableValues;
import org.childprotection.registry.IdNumber;

/**
 * Whether a form's answers are what the form asks for, field by field, as the form declares it:
 * what form-js checks in the browser (required, lengths, pattern, minimum and maximum, decimal
 * digits) and what it cannot (a real {@code yyyy-MM-dd} date, a day not after today, an ID
 * number's check character, a value among the field's options, the type of the value). An answer
 * is taken as it was typed or refused, never changed. Reasons are in Chinese and quote no value.
 */
public final class FormAnswerCheck {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private FormAnswerCheck() {}

  /**
   * The problems of the answers, at most one per field, in the form's order.
   *
   * @param answers the value of each field's key (null when there is none)
   * @param today the city's date, for the fields about the past
   */
  public static List<FieldError> problems(FormSchema form, Function<String, Object> answers,
      LocalDate today) {
    List<FieldError> problems = new ArrayList<>();
    for (Field field : form.fields()) {
      problem(field, answers.apply(field.key()), today)
          .ifPresent(reason -> problems.add(new FieldError(field.key(), reason)));
    }
    return problems;
  }

  static Optional<String> problem(Field field, Object value, LocalDate today) {
    if (missing(field, value)) {
      return field.required() ? Optional.of(required(field)) : Optional.empty();
    }
    return Optional.ofNullable(switch (field.type()) {
      case "textfield", "textarea" -> text(field, value, today);
      case "number" -> number(field, value);
      case "datetime" -> date(field, value, today);
      case "checkbox" -> value instanceof Boolean ? null : field.label() + "应为是或否";
      case "radio", "select" -> value instanceof String choice ? option(field, List.of(choice))
          : field.label() + "的选项无效";
      case "checklist" -> option(field, VariableValues.strings(value));
      default -> null;
    });
  }

  /** As form-js has it: no value, an empty text or list, and for a checkbox, not ticked. */
  private static boolean missing(Field field, Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || "checkbox".equals(field.type()) && Boolean.FALSE.equals(value)
        || "checklist".equals(field.type()) && VariableValues.strings(value).isEmpty();
  }

  private static String required(Field field) {
    return switch (field.type()) {
      case "checkbox" -> "请勾选" + field.label();
      case "radio", "select", "checklist" -> "请选择" + field.label();
      default -> "请填写" + field.label();
    };
  }

  private static String text(Field field, Object value, LocalDate today) {
    if (!(value instanceof String text)) {
      return field.label() + "应为文字";
    }
    if (TextChecks.hasControlCharacters(text)) {
      return field.label() + TextChecks.CONTROL_CHARACTER_MESSAGE;
    }
    // form-js counts the trimmed text, in UTF-16 units.
    int length = text.strip().length();
    if (field.minLength() != null && length < field.minLength()) {
      return field.label() + "不能少于 " + field.minLength() + " 个字符";
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      return field.label() + "不能超过 " + field.maxLength() + " 个字符";
    }
    // form-js tests the pattern as JavaScript's RegExp.test does: anywhere in the text.
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
      return field.properties().getOrDefault(FormSchema.PATTERN_MESSAGE,
          field.label() + "格式不正确");
    }
    if (field.has(FormSchema.ID_NUMBER)) {
      return IdNumber.problem(text, today).orElse(null);
    }
    return null;
  }

  private static String number(Field field, Object value) {
    BigDecimal number = decimal(value);
    if (number == null) {
      return field.label() + "应为数字";
    }
    Integer digits = field.decimalDigits();
    if (digits != null && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
      return field.label() + (digits == 0 ? "应为整数" : "最多保留 " + digits + " 位小数");
    }
    boolean tooSmall = field.min() != null && number.compareTo(field.min()) < 0;
    boolean tooLarge = field.max() != null && number.compareTo(field.max()) > 0;
    if (!tooSmall && !tooLarge) {
      return null;
    }
    if (field.min() != null && field.max() != null) {
      return field.label() + "应在 " + plain(field.min()) + " 到 " + plain(field.max()) + " 之间";
    }
    return field.label() + (tooSmall ? "不能小于 " + plain(field.min())
        : "不能大于 " + plain(field.max()));
  }

  /** The number a value holds, or null: text is not a number, even if it reads like one. */
  private static BigDecimal decimal(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      return new BigDecimal(value.toString());
    }
    return null;
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  private static String date(Field field, Object value, LocalDate today) {
    if (!(value instanceof String text) || !DAY.matcher(text).matches()) {
      return field.label() + "应为 yyyy-MM-dd 格式的日期";
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return field.label() + "不是有效的日期";
    }
    if (field.has(FormSchema.PAST) && day.isAfter(today)) {
      return field.label() + "不能晚于今天";
    }
    return null;
  }

  private static String option(Field field, Collection<String> chosen) {
    if (field.options() == null || field.options().containsAll(chosen)) {
      return null;
    }
    return field.label() + "的选项无效";
  }
}
