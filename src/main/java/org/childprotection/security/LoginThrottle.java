package org.childprotection.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows down whoever guesses passwords, without ever locking an account: an anonymous caller
 * could otherwise lock anyone out, the only administrator included (the engine's own lock and
 * delay are off, see application.yaml).
 *
 * <p>Failed logins are counted per client address and per account and client address. After
 * the free failures, every login from that key is refused, without checking the password, until
 * a delay has passed that doubles with each further failure up to a maximum; the account
 * itself stays open to its owner from anywhere else. A success forgets the pair's failures; a
 * key's failures are forgotten after a quiet time. At most {@code maxKeys} keys are kept.
 *
 * <p>Every admitted login counts as a failure until it is known to have succeeded, so logins
 * sent at the same moment cannot slip past the count.
 */
@Component
public class LoginThrottle {

  private static final int MAX_USER_ID = 255;

  private final LoginThrottleProperties settings;
  private final Clock clock;
  private final Map<String, Failures> failures;

  public LoginThrottle(LoginThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.failures = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > settings.maxKeys();
      }
    };
  }

  /**
   * Admits a login of the account from the client address, or says how long it must wait.
   *
   * @return zero when admitted (then report {@link #succeeded} or {@link #notChecked}; anything
   *     else counts as a failure), otherwise the wait
   */
  public synchronized Duration admit(String address, String userId) {
    Instant now = clock.instant();
    Failures pair = live(pairKey(address, userId), now);
    Failures client = live(addressKey(address), now);
    Duration wait = max(wait(pair, now), wait(client, now));
    if (!wait.isZero()) {
      return wait;
    }
    charge(pairKey(address, userId), pair, settings.freeFailuresPerAccount(), now);
    charge(addressKey(address), client, settings.freeFailuresPerAddress(), now);
    return Duration.ZERO;
  }

  /**
   * Admits a login whose password is known to be right without a check ({@link VerifiedLogins}),
   * or says how long it must wait: a known password waits like any other, and counts as no
   * failure. Admitted, it is a success: the pair starts afresh.
   */
  public synchronized Duration admitKnownPassword(String address, String userId) {
    Instant now = clock.instant();
    Duration wait = max(wait(live(pairKey(address, userId), now), now),
        wait(live(addressKey(address), now), now));
    if (wait.isZero()) {
      failures.remove(pairKey(address, userId));
    }
    return wait;
  }

  /** The admitted login's password was right: the pair starts afresh. */
  public synchronized void succeeded(String address, String userId) {
    failures.remove(pairKey(address, userId));
    refund(addressKey(address), settings.freeFailuresPerAddress());
  }

  /** The admitted login never reached the password check (say, a missing CSRF token). */
  public synchronized void notChecked(String address, String userId) {
    refund(pairKey(address, userId), settings.freeFailuresPerAccount());
    refund(addressKey(address), settings.freeFailuresPerAddress());
  }

  /** Forgets every failure (tests, or an operator after an incident). */
  public synchronized void forget() {
    failures.clear();
  }

  private void charge(String key, Failures known, int free, Instant now) {
    Failures entry = known == null ? new Failures() : known;
    entry.count++;
    entry.last = now;
    entry.notBefore = entry.count > free ? now.plus(delay(entry.count - free)) : null;
    failures.put(key, entry);
  }

  private void refund(String key, int free) {
    Failures entry = failures.get(key);
    if (entry == null) {
      return;
    }
    entry.count--;
    if (entry.count <= 0) {
      failures.remove(key);
    } else {
      // It was admitted, so before this login it had no wait left.
      entry.notBefore = entry.count > free ? clock.instant() : null;
    }
  }

  /** The wait after the n-th failure beyond the free ones. */
  private Duration delay(int beyondFree) {
    Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyondFree - 1, 30));
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private Failures live(String key, Instant now) {
    Failures entry = failures.get(key);
    if (entry != null && entry.last.plus(settings.forgetAfter()).isBefore(now)
        && (entry.notBefore == null || !entry.notBefore.isAfter(now))) {
      failures.remove(key);
      return null;
    }
    return entry;
  }

  private static Duration wait(Failures entry, Instant now) {
    return entry == null || entry.notBefore == null || !entry.notBefore.isAfter(now)
        ? Duration.ZERO : Duration.between(now, entry.notBefore);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String addressKey(String address) {
    return address;
  }

  /**
   * An address holds no space, so no pair's key is an address's. A user id is at most 255
   * characters (the engine's column), so a caller's long made-up names take no more room.
   */
  private static String pairKey(String address, String userId) {
    return address + " " + (userId.length() > MAX_USER_ID ? userId.substring(0, MAX_USER_ID) : userId);
  }

  private static final class Failures {
    int count;
    Instant last;
    Instant notBefore;
  }
}
