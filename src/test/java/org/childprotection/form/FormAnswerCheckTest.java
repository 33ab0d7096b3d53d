package org.childprotection.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.childprotection.api.ApiError.FieldError;
import org.childprotection.registry.IdNumber;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answers of the real forms (forms/*.form), one field at a time, as Tasklist or the REST API
 * hand them in: text as typed, numbers as numbers, a checklist as a list. A null reason means the
 * answer is taken as it is.
 */
@Tag("no-database")
class FormAnswerCheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final String ID_PATTERN_REASON = "身份证号应为18位，前17位为数字，最后一位为数字或X";
  private static final String PHONE_REASON = "请填写11位手机号，或带区号的固定电话，如 025-12345678";

  static Stream<Arguments> answers() {
    return Stream.of(
        // Dates: yyyy-MM-dd and a real day; a day about the past not after today.
        arguments("assess-family", "visitDate", "2026-12-01", null),
        arguments("assess-family", "visitDate", "2026-11-30", null),
        arguments("assess-family", "visitDate", "2026-12-02", "走访日期不能晚于今天"),
        arguments("assess-family", "visitDate", "2027-08-06", "走访日期不能晚于今天"),
        arguments("assess-family", "visitDate", "12/01/2026", "走访日期应为 yyyy-MM-dd 格式的日期"),
        arguments("assess-family", "visitDate", "2026-12-1", "走访日期应为 yyyy-MM-dd 格式的日期"),
        arguments("assess-family", "visitDate", "2026年12月1日", "走访日期应为 yyyy-MM-dd 格式的日期"),
        arguments("assess-family", "visitDate", "２０２６-１２-０１", "走访日期应为 yyyy-MM-dd 格式的日期"),
        arguments("assess-family", "visitDate", "2026-12-01T00:00:00", "走访日期应为 yyyy-MM-dd 格式的日期"),
        arguments("assess-family", "visitDate", "2026-02-30", "走访日期不是有效的日期"),
        arguments("assess-family", "visitDate", null, "请填写走访日期"),
        arguments("assess-family", "visitDate", "", "请填写走访日期"),
        arguments("open-case", "childBirthDate", "", null),
        arguments("open-case", "childBirthDate", "2015-03-04", null),
        arguments("open-case", "childBirthDate", "2026-12-02", "出生日期不能晚于今天"),
        arguments("court-ruling", "rulingDate", "2026-12-02", "判决日期不能晚于今天"),
        arguments("supervised-return", "returnDate", "2026-12-15", null),
        arguments("launch-survey", "surveyDeadline", "2027-01-31", null),
        // Numbers: a number, whole where the form says so, within the form's bounds.
        arguments("open-case", "childEstimatedAge", 0, null),
        arguments("open-case", "childEstimatedAge", 17, null),
        arguments("open-case", "childEstimatedAge", 12L, null),
        arguments("open-case", "childEstimatedAge", 9.0, null),
        arguments("open-case", "childEstimatedAge", 18, "估计年龄（岁）应在 0 到 17 之间"),
        arguments("open-case", "childEstimatedAge", -1, "估计年龄（岁）应在 0 到 17 之间"),
        arguments("open-case", "childEstimatedAge", 5.5, "估计年龄（岁）应为整数"),
        arguments("open-case", "childEstimatedAge", "12", "估计年龄（岁）应为数字"),
        arguments("open-case", "childEstimatedAge", "十二", "估计年龄（岁）应为数字"),
        arguments("open-case", "childEstimatedAge", Double.NaN, "估计年龄（岁）应为数字"),
        arguments("open-case", "childEstimatedAge", null, null),
        arguments("protection-order", "protectionOrderMonths", 6, null),
        arguments("protection-order", "protectionOrderMonths", 7, "有效期（月）应在 1 到 6 之间"),
        arguments("protection-order", "protectionOrderMonths", 0, "有效期（月）应在 1 到 6 之间"),
        // Phone numbers as typed in China: 11-digit mobiles, landlines with their area code.
        arguments("open-case", "reporterPhone", "13812345678", null),
        arguments("open-case", "reporterPhone", "138 1234 5678", null),
        arguments("open-case", "reporterPhone", "138-1234-5678", null),
        arguments("open-case", "reporterPhone", "+86 138 1234 5678", null),
        arguments("open-case", "reporterPhone", "025-12345678", null),
        arguments("open-case", "reporterPhone", "025-8888 6666", null),
        arguments("open-case", "reporterPhone", "02588886666", null),
        arguments("open-case", "reporterPhone", "0510-1234567", null),
        arguments("open-case", "reporterPhone", "", null),
        arguments("open-case", "reporterPhone", "1381234567", PHONE_REASON),
        arguments("open-case", "reporterPhone", "138123456789", PHONE_REASON),
        arguments("open-case", "reporterPhone", "8888 6666", PHONE_REASON),
        arguments("open-case", "reporterPhone", "(025)88886666", PHONE_REASON),
        arguments("open-case", "reporterPhone", "１３８１２３４５６７８", PHONE_REASON),
        arguments("open-case", "reporterPhone", "138 1234 5678 ", PHONE_REASON),
        arguments("open-case", "reporterPhone", 13812345678L, "联系电话应为文字"),
        // ID numbers: 18 characters, then the check character and the birth date in it.
        arguments("open-case", "childIdNumber", "320106201503040012", null),
        arguments("open-case", "childIdNumber", "11010519491231002X", null),
        arguments("open-case", "childIdNumber", "320106201503040013", "身份证号校验位错误"),
        arguments("open-case", "childIdNumber", "11010519491231002x", ID_PATTERN_REASON),
        arguments("open-case", "childIdNumber", "32010620150304001", ID_PATTERN_REASON),
        arguments("open-case", "childIdNumber", "3201 0620 1503 0400 12", ID_PATTERN_REASON),
        arguments("open-case", "childIdNumber", IdNumber.withCheckCharacter("32010620271201001"),
            "身份证号中的出生日期不合理"),
        // Text: required, length, control characters.
        arguments("open-case", "childName", "测试儿童", null),
        arguments("open-case", "childName", null, "请填写姓名"),
        arguments("open-case", "childName", "   ", "请填写姓名"),
        arguments("open-case", "childName", "名".repeat(51), "姓名不能超过 50 个字符"),
        arguments("open-case", "childName", "测试\u0000", "姓名含有不允许的控制字符"),
        arguments("open-case", "description", "第一行\n第二行", null),
        // Choices: one of the form's own options.
        arguments("open-case", "childGender", "F", null),
        arguments("open-case", "childGender", "X", "性别的选项无效"),
        arguments("open-case", "childGender", null, "请选择性别"),
        arguments("open-case", "district", "gulou", null),
        arguments("open-case", "district", "gotham", "所在区的选项无效"),
        arguments("open-case", "suspectedCategories", List.of("LEFT_BEHIND"), null),
        arguments("open-case", "suspectedCategories", List.of(), "请选择困境类别"),
        arguments("open-case", "suspectedCategories", List.of("LEFT_BEHIND", "NOPE"),
            "困境类别的选项无效"),
        arguments("approve-closure", "closureApproved", true, null),
        arguments("approve-closure", "closureApproved", false, null),
        arguments("approve-closure", "closureApproved", "yes", "批准结案（不勾选则继续跟踪）应为是或否"));
  }

  @ParameterizedTest(name = "{0}.{1} = {2} -> {3}")
  @MethodSource("answers")
  void checksEachAnswerAsTheFormDeclaresIt(String form, String key, Object value,
      String reason) {
    FormSchema.Field field = form(form).fields().stream()
        .filter(f -> f.key().equals(key)).findFirst().orElseThrow();

    assertThat(FormAnswerCheck.problem(field, value, TODAY).orElse(null)).isEqualTo(reason);
  }

  @Test
  void givesEveryFieldsFirstProblemInTheFormsOrder() {
    Map<String, Object> answers = new HashMap<>();
    answers.put("childName", "测试儿童");
    answers.put("childGender", "F");
    answers.put("childIdNumber", "320106201503040013");
    answers.put("childEstimatedAge", 30);
    answers.put("district", "gulou");
    answers.put("suspectedCategories", List.of("LEFT_BEHIND"));
    answers.put("description", "社区走访发现");
    answers.put("reporterPhone", "12345");

    assertThat(FormAnswerCheck.problems(form("open-case"), answers::get, TODAY)).containsExactly(
        new FieldError("childIdNumber", "身份证号校验位错误"),
        new FieldError("childEstimatedAge", "估计年龄（岁）应在 0 到 17 之间"),
        new FieldError("reporterPhone", PHONE_REASON));
  }

  @Test
  void aCompleteFormHasNoProblem() {
    Map<String, Object> answers = new HashMap<>(Map.of("childName", "测试儿童",
        "childGender", "M", "childBirthDate", "2016-05-01", "district", "qixia",
        "suspectedCategories", List.of("SPECIAL_HARDSHIP", "LEFT_BEHIND"),
        "description", "社区走访发现", "immediateDanger", false, "reporterPhone", "025-8888 6666"));

    assertThat(FormAnswerCheck.problems(form("open-case"), answers::get, TODAY)).isEmpty();
  }

  static FormSchema form(String id) {
    try {
      return FormSchema.parse(Files.readAllBytes(Path.of("forms", id + ".form")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
