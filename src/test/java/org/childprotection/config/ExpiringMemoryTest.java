package org.childprotection.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How long an answer is remembered and which answer goes first when memory is full. */
@Tag("no-database")
class ExpiringMemoryTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-01T09:00:00Z"));
  private final ExpiringMemory<String, String> memory = new ExpiringMemory<>(2, MINUTE, now::get);

  @Test
  void anAnswerIsRememberedUntilItsTimeRunsOut() {
    memory.put("gulou", "district-gulou");
    move(Duration.ofSeconds(59));
    assertThat(memory.get("gulou")).isEqualTo("district-gulou");

    move(Duration.ofSeconds(1));
    assertThat(memory.get("gulou")).as("after a minute").isNull();
    move(Duration.ofSeconds(-1));
    assertThat(memory.get("gulou")).as("dropped when it was read expired").isNull();
  }

  @Test
  void putAgainStartsTheTimeAfresh() {
    memory.put("gulou", "old");
    move(Duration.ofSeconds(30));
    memory.put("gulou", "new");
    move(Duration.ofSeconds(45));

    assertThat(memory.get("gulou")).isEqualTo("new");
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesFirst() {
    memory.put("gulou", "1");
    memory.put("qixia", "2");
    assertThat(memory.get("gulou")).isEqualTo("1");

    memory.put("police", "3");

    assertThat(memory.get("qixia")).as("two answers at most; read least recently").isNull();
    assertThat(memory.get("gulou")).isEqualTo("1");
    assertThat(memory.get("police")).isEqualTo("3");
  }

  @Test
  void clearForgetsEverything() {
    memory.put("gulou", "1");
    memory.put("qixia", "2");

    memory.clear();

    assertThat(memory.get("gulou")).isNull();
    assertThat(memory.get("qixia")).isNull();
  }

  @Test
  void zeroRemembersNothing() {
    ExpiringMemory<String, String> off = new ExpiringMemory<>(2, Duration.ZERO, now::get);
    off.put("gulou", "1");
    move(Duration.ofSeconds(-1));

    assertThat(off.get("gulou")).as("not even on a clock that went back").isNull();
  }

  @Test
  void itNeedsRoomForOneAnswer() {
    assertThatThrownBy(() -> new ExpiringMemory<>(0, MINUTE, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void move(Duration duration) {
    now.set(now.get().plus(duration));
  }
}
