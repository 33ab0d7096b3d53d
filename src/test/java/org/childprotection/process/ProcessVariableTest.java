package org.childprotection.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.engine.StepRefused;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How each kind of process variable is read from what Tasklist, the REST API or the platform
 * stored, and the form it is written in.
 */
@Tag("no-database")
class ProcessVariableTest {

  private static final ProcessVariable<LocalDate> DAY = ProcessVariable.day("someDate");

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(nullValues = "null", value = {
      "2026-12-01,                    2026-12-01",
      "' 2026-12-01 ',                2026-12-01",
      "2026-12-01T00:00:00.000+0800,  2026-12-01",
      "'',                            null",
      "'   ',                         null",
      "null,                          null",
  })
  void aDayIsReadAsTheFormsDateFieldGivesIt(String given, LocalDate day) {
    assertThat(DAY.read(given)).isEqualTo(day);
  }

  @ParameterizedTest
  @CsvSource({"2026-13-01", "1.12.2026", "tomorrow"})
  void aValueThatIsNoDayIsRefusedNamingTheFieldNotTheValue(String given) {
    assertThatThrownBy(() -> DAY.read(given))
        .isInstanceOf(StepRefused.class)
        .hasMessageContaining("someDate")
        .hasMessageNotContaining(given);
  }

  @Test
  void aDayIsStoredAsTheFormsDateField() {
    Map<String, Object> variables = new HashMap<>();
    DAY.putInto(variables, LocalDate.of(2026, 3, 2));
    assertThat(variables).containsEntry("someDate", "2026-03-02");
  }

  @Test
  void aChecklistIsReadFromJsonAListOrCommaSeparatedTextAndStoredCommaSeparated() {
    ProcessVariable<List<String>> codes = ProcessVariable.list("codes");

    assertThat(codes.read(Spin.JSON("[\"SALE\",\"NEGLECT_6_MONTHS\"]")))
        .containsExactly("SALE", "NEGLECT_6_MONTHS");
    assertThat(codes.read(List.of("SALE", "NEGLECT_6_MONTHS")))
        .containsExactly("SALE", "NEGLECT_6_MONTHS");
    assertThat(codes.read("SALE, NEGLECT_6_MONTHS")).containsExactly("SALE", "NEGLECT_6_MONTHS");
    assertThat(codes.read("[\"SALE\"]")).containsExactly("SALE");
    assertThat(codes.read(null)).isEmpty();
    assertThat(codes.write(List.of("SALE", "NEGLECT_6_MONTHS"))).isEqualTo("SALE,NEGLECT_6_MONTHS");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(nullValues = "null", value = {
      "true,  true",
      "false, false",
      "TRUE,  false",
      "'',    false",
      "null,  false",
  })
  void aFlagIsYesOnlyWhenTicked(String given, boolean yes) {
    ProcessVariable<Boolean> flag = ProcessVariable.flag("ticked");
    assertThat(flag.read(given)).isEqualTo(yes);
    assertThat(flag.read(Boolean.valueOf(yes))).isEqualTo(yes);
  }

  @Test
  void aCountIsReadFromANumberOrItsText() {
    ProcessVariable<Integer> count = ProcessVariable.count("months");

    assertThat(count.read(3L)).isEqualTo(3);
    assertThat(count.read(" 4 ")).isEqualTo(4);
    assertThat(count.read("")).isNull();
    assertThatThrownBy(() -> count.read("4.5")).isInstanceOf(StepRefused.class)
        .hasMessageContaining("months");
    assertThatThrownBy(() -> count.read("six")).isInstanceOf(StepRefused.class);
    assertThat(ProcessVariable.id("measureId").read(12)).isEqualTo(12L);
  }

  @Test
  void aCodeIsReadByItsNameAndStoredSo() {
    ProcessVariable<RiskLevel> level = ProcessVariable.code("level", RiskLevel.class);

    assertThat(level.read("ORANGE")).isEqualTo(RiskLevel.ORANGE);
    assertThat(level.read(null)).isNull();
    assertThat(level.write(RiskLevel.RED)).isEqualTo("RED");
    assertThatThrownBy(() -> level.read("PURPLE")).isInstanceOf(StepRefused.class)
        .hasMessageContaining("level");
  }

  @Test
  void momentsKeepTheirFormsAndOtherValuesAreNoMoment() {
    ProcessVariable<OffsetDateTime> moment = ProcessVariable.moment("acceptedAt");
    OffsetDateTime accepted = OffsetDateTime.parse("2026-03-02T09:30+08:00");
    assertThat(moment.read(moment.write(accepted))).isEqualTo(accepted);

    ProcessVariable<Date> time = ProcessVariable.time("adultDate");
    Date date = new Date();
    assertThat(time.read(date)).isSameAs(date);
    assertThat(time.read("2026-03-02")).as("only the platform sets it, as a date").isNull();
  }
}
