package org.childprotection.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a password the engine has just accepted is taken again without asking the engine
 * ({@link VerifiedLogins}) [policy].
 *
 * @param rememberFor how long a verified login is remembered; a change of the account on
 *     another node of a cluster takes effect on this one within this time (on the node that
 *     makes it, at once). Zero remembers nothing.
 * @param maxLogins at most this many logins are remembered; the least recently used goes first
 */
@ConfigurationProperties("minor-protection.verified-logins")
public record VerifiedLoginsProperties(Duration rememberFor, int maxLogins) {

  public VerifiedLoginsProperties {
    if (rememberFor == null || rememberFor.isNegative() || maxLogins < 1) {
      throw new IllegalArgumentException("minor-protection.verified-logins needs remember-for"
          + " of zero or more and max-logins of at least 1");
    }
  }
}
