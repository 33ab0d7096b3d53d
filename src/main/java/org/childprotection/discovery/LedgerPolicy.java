package org.childprotection.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How ledgers are imported ({@code minor-protection.ledger}). */
@ConfigurationProperties("minor-protection.ledger")
public record LedgerPolicy(int batchSize, int maxReportedErrors, int importThreads) {

  public LedgerPolicy {
    if (batchSize < 1 || maxReportedErrors < 1 || importThreads < 1) {
      throw new IllegalArgumentException("minor-protection.ledger is incomplete");
    }
  }
}
