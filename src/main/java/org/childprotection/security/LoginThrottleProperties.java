package org.childprotection.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins slow down whoever makes them ({@link LoginThrottle}) [policy].
 *
 * @param freeFailuresPerAccount failed logins of one account from one client address before
 *     that pair waits
 * @param freeFailuresPerAddress failed logins of all accounts from one client address (an
 *     office behind one address counts together) before every login from it waits
 * @param firstDelay the wait after the first failure beyond the free ones; it doubles with
 *     every further failure
 * @param maxDelay the longest wait
 * @param forgetAfter a key's failures are forgotten after this long without a failure
 * @param maxKeys at most this many keys are kept; the least recently used is forgotten first
 */
@ConfigurationProperties("minor-protection.login-throttle")
public record LoginThrottleProperties(
    int freeFailuresPerAccount,
    int freeFailuresPerAddress,
    Duration firstDelay,
    Duration maxDelay,
    Duration forgetAfter,
    int maxKeys) {

  public LoginThrottleProperties {
    if (freeFailuresPerAccount < 1 || freeFailuresPerAddress < 1 || firstDelay == null
        || maxDelay == null || forgetAfter == null || maxKeys < 1
        || firstDelay.compareTo(maxDelay) > 0 || forgetAfter.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException("minor-protection.login-throttle needs free failures"
          + " and max-keys of at least 1, first-delay <= max-delay <= forget-after");
    }
  }
}
