package org.childprotection.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a ledger's at-risk rows become cases ({@code minor-protection.ledger.case-opening}): so
 * many at once on a node, for all its imports together. Each case takes a database connection
 * while it is opened, from the pool the requests share.
 */
@ConfigurationProperties("minor-protection.ledger.case-opening")
public record CaseOpeningPolicy(int threads) {

  public CaseOpeningPolicy {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "minor-protection.ledger.case-opening.threads must be at least 1");
    }
  }
}
