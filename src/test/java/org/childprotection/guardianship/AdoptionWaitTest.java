package org.childprotection.guardianship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * SPEC 5.5's exception to the year's wait for adoption, where the former guardian's harm falls
 * under the restoration bars, is a configuration switch: on by default (the scenario test), and
 * off it leaves the year's wait from the judgment date in every case.
 */
class AdoptionWaitTest {

  private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
  private static final LocalDate JUDGED = LocalDate.of(2026, 3, 2);

  private RevocationJudgments judgments;

  @Test
  void withTheExceptionOffAdoptionWaitsAYearEvenAfterTheSaleOfTheChild() {
    assertThat(deadlines(false).adoptionFrom(procedure("SALE")))
        .isEqualTo(startOf(JUDGED.plusYears(1)));
  }

  @Test
  void withTheExceptionOnOnlyABarredHarmSkipsTheWait() {
    assertThat(deadlines(true).adoptionFrom(procedure("SALE"))).isEqualTo(startOf(JUDGED));
    assertThat(deadlines(true).adoptionFrom(procedure("NEGLECT_6_MONTHS")))
        .isEqualTo(startOf(JUDGED.plusYears(1)));
  }

  /** A procedure whose revocation judgment was on such a ground (after {@link #deadlines}). */
  private DelegateExecution procedure(String ground) {
    DelegateExecution procedure = mock(DelegateExecution.class);
    String application = "revocation-on-" + ground;
    when(procedure.getVariable(APPLICATION_NUMBER.name())).thenReturn(application);
    when(judgments.of(application))
        .thenReturn(new RevocationJudgments.Judgment(null, JUDGED, List.of(ground)));
    return procedure;
  }

  private GuardianshipDeadlines deadlines(boolean exception) {
    judgments = mock(RevocationJudgments.class);
    GuardianshipPolicy policy = new GuardianshipPolicy(Duration.ofMinutes(30), 3, 3,
        Period.ofDays(30), Duration.ofHours(72), Duration.ofHours(24), 6, Period.ofDays(14),
        Period.ofDays(5), Period.ofMonths(6), Period.ofMonths(12), Period.ofMonths(1), 3,
        Period.ofMonths(1), Period.ofMonths(3), Period.ofYears(1), Period.ofYears(1), exception,
        Period.ofMonths(12));
    return new GuardianshipDeadlines(policy, null, judgments, Clock.system(NANJING));
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(NANJING).toInstant());
  }
}
