package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("no-database")
class IdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "OK", value = {
      "320106201503040012, OK",
      "11010519491231002X, OK",
      "320106201503040013, 身份证号校验位错误",
      "32010620150304001, 身份证号应为18位，前17位为数字，最后一位为数字或X",
      "3201062015030400AX, 身份证号应为18位，前17位为数字，最后一位为数字或X",
      "320106201502300010, 身份证号中的出生日期无效",
      "320106202712010019, 身份证号中的出生日期不合理"})
  void checksLengthCheckCharacterAndBirthDate(String idNumber, String problem) {
    String number = problem == null || !problem.contains("日期")
        ? idNumber : IdNumber.withCheckCharacter(idNumber.substring(0, 17));
    assertThat(IdNumber.problem(number, TODAY).orElse(null)).isEqualTo(problem);
  }

  @ParameterizedTest
  @CsvSource({"320106201503040012, 2015-03-04, M", "11010519491231002X, 1949-12-31, F"})
  void readsBirthDateAndGender(String idNumber, LocalDate birth, char gender) {
    assertThat(IdNumber.birthDate(idNumber)).contains(birth);
    assertThat(IdNumber.gender(idNumber)).isEqualTo(gender);
    assertThat(IdNumber.masked(idNumber)).startsWith(idNumber.substring(0, 6))
        .doesNotContain(idNumber.substring(6, 14)).hasSize(18);
  }
}
