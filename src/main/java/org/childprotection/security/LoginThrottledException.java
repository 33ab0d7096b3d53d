package org.childprotection.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A login refused by the {@link LoginThrottle} before its password was checked. An account
 * status, so that no further authentication provider tries the same login.
 */
class LoginThrottledException extends AccountStatusException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("too many failed logins");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
