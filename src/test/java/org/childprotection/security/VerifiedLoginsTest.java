package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

/** What is remembered of a login, for how long, and when it is forgotten; on a moved clock. */
@Tag("no-database")
class VerifiedLoginsTest {

  private static final EngineUser GULOU =
      new EngineUser("gulou", List.of("district-gulou"), List.of("gulou"));

  private final MovingClock clock = new MovingClock();
  private final VerifiedLogins logins =
      new VerifiedLogins(new VerifiedLoginsProperties(Duration.ofMinutes(1), 2), clock);
  /** The engine's checks: each accepts the password "right" only. */
  private final AtomicInteger checks = new AtomicInteger();

  @Test
  void anAcceptedLoginIsTakenAgainForTheConfiguredTime() {
    assertThat(verify("gulou", "right").checkedNow()).isTrue();
    clock.move(Duration.ofSeconds(59));

    VerifiedLogins.Login again = verify("gulou", "right");

    assertThat(again.checkedNow()).isFalse();
    assertThat(again.user()).isEqualTo(GULOU);
    assertThat(checks).hasValue(1);
    clock.move(Duration.ofSeconds(1));
    assertThat(verify("gulou", "right").checkedNow()).as("after a minute").isTrue();
    assertThat(checks).hasValue(2);
  }

  @Test
  void anotherPasswordIsCheckedAndARefusalIsNeverRemembered() {
    verify("gulou", "right");

    assertThatThrownBy(() -> verify("gulou", "wrong")).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> verify("gulou", "wrong")).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> verify("gulo", "uright")).as("the same characters, split elsewhere")
        .isInstanceOf(BadCredentialsException.class);
    assertThat(checks).hasValue(4);
  }

  @Test
  void anyIdentityChangeForgetsEveryLogin() {
    verify("gulou", "right");
    verify("qixia", "right");

    logins.identityChanged();

    assertThat(verify("gulou", "right").checkedNow()).isTrue();
    assertThat(verify("qixia", "right").checkedNow()).isTrue();
    assertThat(checks).hasValue(4);
  }

  @Test
  void aCheckDuringAnIdentityChangeRemembersNothing() {
    VerifiedLogins.Login login = logins.verify("gulou", "right", () -> {
      logins.identityChanged();
      return GULOU;
    });

    assertThat(login.user()).isEqualTo(GULOU);
    assertThat(verify("gulou", "right").checkedNow()).as("checked again").isTrue();
  }

  @Test
  void theLeastRecentlyUsedLoginGoesFirst() {
    verify("gulou", "right");
    verify("qixia", "right");
    verify("gulou", "right");

    verify("police", "right");

    assertThat(verify("gulou", "right").checkedNow()).isFalse();
    assertThat(verify("qixia", "right").checkedNow()).as("two logins at most").isTrue();
  }

  @Test
  void zeroRemembersNothing() {
    VerifiedLogins off = new VerifiedLogins(new VerifiedLoginsProperties(Duration.ZERO, 1), clock);
    off.verify("gulou", "right", check("gulou", "right"));

    assertThat(off.verify("gulou", "right", check("gulou", "right")).checkedNow()).isTrue();
    assertThat(checks).hasValue(2);
  }

  @Test
  void loginsArrivingTogetherShareOneCheck() throws Exception {
    CountDownLatch checking = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      Future<VerifiedLogins.Login> first = clients.submit(() -> logins.verify("gulou", "right",
          () -> {
            checking.countDown();
            await(answer);
            return check("gulou", "right").get();
          }));
      assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<VerifiedLogins.Login>> others = new ArrayList<>();
      List<Thread> waiting = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        others.add(clients.submit(() -> {
          synchronized (waiting) {
            waiting.add(Thread.currentThread());
          }
          return verify("gulou", "right");
        }));
      }
      awaitParked(waiting, 7);

      answer.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).checkedNow()).isTrue();
      for (Future<VerifiedLogins.Login> other : others) {
        VerifiedLogins.Login login = other.get(10, TimeUnit.SECONDS);
        assertThat(login.user()).isEqualTo(GULOU);
        assertThat(login.checkedNow()).isFalse();
      }
      assertThat(checks).as("one check for eight logins").hasValue(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aLoginThatWaitedForARefusedCheckRunsItsOwn() throws Exception {
    CountDownLatch checking = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      Future<?> refused = clients.submit(() -> logins.verify("gulou", "right", () -> {
        checking.countDown();
        await(answer);
        throw new LoginThrottledException(Duration.ofSeconds(1));
      }));
      assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
      List<Thread> waiting = new ArrayList<>();
      Future<VerifiedLogins.Login> other = clients.submit(() -> {
        synchronized (waiting) {
          waiting.add(Thread.currentThread());
        }
        return verify("gulou", "right");
      });
      awaitParked(waiting, 1);

      answer.countDown();

      assertThatThrownBy(refused::get).hasCauseInstanceOf(LoginThrottledException.class);
      assertThat(other.get(10, TimeUnit.SECONDS).checkedNow()).isTrue();
      assertThat(checks).hasValue(1);
    } finally {
      clients.shutdownNow();
    }
  }

  private VerifiedLogins.Login verify(String userId, String password) {
    return logins.verify(userId, password, check(userId, password));
  }

  private Supplier<EngineUser> check(String userId, String password) {
    return () -> {
      checks.incrementAndGet();
      if (!"right".equals(password)) {
        throw new BadCredentialsException("bad credentials");
      }
      return new EngineUser(userId, GULOU.groupIds(), GULOU.tenantIds());
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Until so many threads have started and each waits (for the check running before them). */
  private static void awaitParked(List<Thread> threads, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      synchronized (threads) {
        if (threads.size() == count && threads.stream()
            .allMatch(t -> t.getState() == Thread.State.WAITING)) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the logins did not wait for the running check");
  }
}
