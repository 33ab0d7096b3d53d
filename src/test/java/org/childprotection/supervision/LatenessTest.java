package org.childprotection.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How late an overdue task is, in the words of the supervisor's page and CSV. */
class LatenessTest {

  @ParameterizedTest
  @CsvSource({
      "PT0S, 逾期 0 分钟",
      "PT59S, 逾期 0 分钟",
      "PT15M, 逾期 15 分钟",
      "PT1H, 逾期 1 小时",
      "PT3H20M, 逾期 3 小时 20 分钟",
      "PT23H59M, 逾期 23 小时 59 分钟",
      "P1D, 逾期 1 天",
      "P1DT0H59M, 逾期 1 天",
      "P2DT5H30M, 逾期 2 天 5 小时",
      "P40DT23H, 逾期 40 天 23 小时"
  })
  void latenessInDaysHoursAndMinutes(Duration late, String text) {
    assertThat(OverdueTasks.lateness(late)).isEqualTo(text);
  }
}
