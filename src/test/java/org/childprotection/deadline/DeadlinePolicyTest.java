package org.childprotection.deadline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.childprotection.deadline.DeadlinePolicy.FirstContact;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The limits of SPEC 4a's table refuse to start incomplete: a level left out, a limit unclear. */
@Tag("no-database")
class DeadlinePolicyTest {

  private static final Map<String, FirstContact> FIRST_CONTACT = Map.of(
      "RED", new FirstContact(Duration.ofHours(2), null),
      "ORANGE", new FirstContact(Duration.ofHours(24), null),
      "YELLOW", new FirstContact(null, 3), "GREEN", new FirstContact(null, 5));
  private static final Map<String, Integer> ASSESSMENT = Map.of(
      "RED", 3, "ORANGE", 5, "YELLOW", 10, "GREEN", 10);
  private static final Map<String, Period> VISITS = Map.of("RED", Period.ofDays(7),
      "ORANGE", Period.ofDays(15), "YELLOW", Period.ofMonths(1), "GREEN", Period.ofMonths(3));

  @Test
  void everyLevelNeedsItsFirstContactAndAssessmentLimit() {
    assertThatThrownBy(() -> policy(Map.of("RED", FIRST_CONTACT.get("RED")), ASSESSMENT))
        .hasMessageContaining("first-contact").hasMessageContaining("ORANGE");
    assertThatThrownBy(() -> policy(FIRST_CONTACT, Map.of("RED", 3, "ORANGE", 5, "YELLOW", 10)))
        .hasMessageContaining("assessment-working-days").hasMessageContaining("GREEN");
  }

  @Test
  void aFirstContactLimitIsATimeOrWorkingDaysNotBoth() {
    assertThatThrownBy(() -> new FirstContact(Duration.ofHours(2), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FirstContact(null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DeadlinePolicy policy(Map<String, FirstContact> firstContact,
      Map<String, Integer> assessment) {
    return new DeadlinePolicy(Duration.ofHours(1), 1, firstContact, Duration.ofHours(24),
        assessment, Duration.ofMinutes(30), Duration.ofDays(7), 5, 1, VISITS, Duration.ofDays(3));
  }
}
