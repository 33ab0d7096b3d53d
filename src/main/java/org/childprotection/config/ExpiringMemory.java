package org.childprotection.config;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Answers remembered for a fixed time, in a bounded memory that drops the least recently used
 * answer first, so that remembering costs a known amount of memory however many callers come.
 * Safe for concurrent use.
 *
 * @param <K> what an answer is known by
 * @param <V> the answer
 */
public final class ExpiringMemory<K, V> {

  private record Remembered<V>(V value, Instant until) {}

  private final Duration rememberFor;
  private final Supplier<Instant> now;
  private final Map<K, Remembered<V>> entries;

  /**
   * @param maxEntries at most this many answers are kept
   * @param rememberFor how long an answer is taken again; zero (or less) remembers nothing
   * @param now the time, which tests move
   */
  public ExpiringMemory(int maxEntries, Duration rememberFor, Supplier<Instant> now) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("ExpiringMemory needs room for at least one entry");
    }
    this.rememberFor = rememberFor;
    this.now = now;
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Remembered<V>> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** The answer remembered for the key, or null when there is none or its time has run out. */
  public synchronized V get(K key) {
    Remembered<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (!entry.until().isAfter(now.get())) {
      entries.remove(key);
      return null;
    }
    return entry.value();
  }

  /** Remembers the answer from now for the configured time. */
  public synchronized void put(K key, V value) {
    Objects.requireNonNull(value, "an answer to remember");
    if (rememberFor.compareTo(Duration.ZERO) > 0) {
      entries.put(key, new Remembered<>(value, now.get().plus(rememberFor)));
    }
  }

  public synchronized void clear() {
    entries.clear();
  }
}
