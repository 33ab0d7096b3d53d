package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The throttle's counting, on a clock the test moves. */
@Tag("no-database")
class LoginThrottleTest {

  private final MovingClock clock = new MovingClock();

  /** Three free failures per account and address, ten per address, 1 s doubling up to 8 s. */
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(
      3, 10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofHours(1), 6), clock);

  @Test
  void afterTheFreeFailuresEachFailureDoublesTheWaitUpToTheMaximum() {
    failTimes("10.0.0.1", "gulou", 3);
    assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();

    for (long seconds : new long[] {1, 2, 4, 8, 8}) {
      assertThat(throttle.admit("10.0.0.1", "gulou")).isEqualTo(Duration.ofSeconds(seconds));
      clock.move(Duration.ofSeconds(seconds));
      assertThat(throttle.admit("10.0.0.1", "gulou")).as("after %s s", seconds).isZero();
    }
  }

  @Test
  void refusedLoginsDoNotCount() {
    failTimes("10.0.0.1", "gulou", 4);
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.admit("10.0.0.1", "gulou")).isEqualTo(Duration.ofSeconds(1));
    }
    clock.move(Duration.ofSeconds(1));
    assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();
  }

  @Test
  void theAccountStaysOpenFromElsewhereAndToOthersFromTheSameAddress() {
    failTimes("10.0.0.1", "gulou", 6);
    assertThat(throttle.admit("10.0.0.1", "gulou")).isPositive();

    assertThat(throttle.admit("10.0.0.2", "gulou")).isZero();
    throttle.succeeded("10.0.0.2", "gulou");
    assertThat(throttle.admit("10.0.0.1", "qixia")).isZero();
    throttle.succeeded("10.0.0.1", "qixia");
    assertThat(throttle.admit("10.0.0.1", "gulou")).as("still waiting").isPositive();
  }

  @Test
  void aSuccessForgetsThePairsFailures() {
    failTimes("10.0.0.1", "gulou", 3);
    assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();
    throttle.succeeded("10.0.0.1", "gulou");

    failTimes("10.0.0.1", "gulou", 3);
    assertThat(throttle.admit("10.0.0.1", "gulou")).as("three free failures again").isZero();
  }

  @Test
  void oneAddressGuessingManyAccountsWaitsForAllOfThem() {
    for (int i = 0; i < 10; i++) {
      failTimes("10.0.0.1", "user" + i, 1);
    }
    assertThat(throttle.admit("10.0.0.1", "another")).isZero();

    assertThat(throttle.admit("10.0.0.1", "gulou")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.admit("10.0.0.2", "gulou")).as("another address").isZero();
  }

  @Test
  void loginsSentAtOnceCountBeforeTheirAnswer() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();
    }
    assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();
    assertThat(throttle.admit("10.0.0.1", "gulou")).as("four still unanswered").isPositive();
  }

  @Test
  void aLoginWhosePasswordWasNotCheckedDoesNotCount() {
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();
      throttle.notChecked("10.0.0.1", "gulou");
    }
  }

  @Test
  void failuresAreForgottenAfterTheQuietTime() {
    failTimes("10.0.0.1", "gulou", 8);
    clock.move(Duration.ofMinutes(61));
    failTimes("10.0.0.1", "gulou", 3);
    assertThat(throttle.admit("10.0.0.1", "gulou")).isZero();
  }

  @Test
  void theLeastRecentlyUsedKeysGoFirst() {
    failTimes("10.0.0.1", "gulou", 4);
    assertThat(throttle.admit("10.0.0.1", "gulou")).isPositive();
    for (int i = 2; i <= 4; i++) {
      failTimes("10.0.0." + i, "qixia", 1);
    }
    assertThat(throttle.admit("10.0.0.1", "gulou")).as("forgotten, six keys at most").isZero();
  }

  @Test
  void aKnownPasswordWaitsLikeAnyOtherButCountsAsNoFailure() {
    failTimes("10.0.0.1", "gulou", 4);
    assertThat(throttle.admitKnownPassword("10.0.0.1", "gulou")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.admitKnownPassword("10.0.0.2", "gulou")).as("another address").isZero();
    clock.move(Duration.ofSeconds(1));

    for (int i = 0; i < 10; i++) {
      assertThat(throttle.admitKnownPassword("10.0.0.1", "gulou")).isZero();
    }
    failTimes("10.0.0.1", "gulou", 3);
    assertThat(throttle.admit("10.0.0.1", "gulou")).as("the pair started afresh").isZero();
  }

  /** Failed logins, each after waiting as long as the throttle asks. */
  private void failTimes(String address, String userId, int times) {
    for (int i = 0; i < times; i++) {
      Duration wait = throttle.admit(address, userId);
      if (!wait.isZero()) {
        clock.move(wait);
        assertThat(throttle.admit(address, userId)).as("failure %s", i + 1).isZero();
      }
    }
  }
}
