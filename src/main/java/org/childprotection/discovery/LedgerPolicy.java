package org.childprotection.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How ledgers are imported ({@code minor-protection.ledger}). A running import's node renews
 * its heartbeat every {@code heartbeatInterval}; an import whose heartbeat is older than
 * {@code abandonedAfter} lost its node and is marked failed by any node.
 */
@ConfigurationProperties("minor-protection.ledger")
public record LedgerPolicy(int batchSize, int maxReportedErrors, int importThreads,
    Duration heartbeatInterval, Duration abandonedAfter) {

  public LedgerPolicy {
    if (batchSize < 1 || maxReportedErrors < 1 || importThreads < 1
        || heartbeatInterval == null || abandonedAfter == null) {
      throw new IllegalArgumentException("minor-protection.ledger is incomplete");
    }
    // A live node must get at least two heartbeats in before its import counts as abandoned.
    if (abandonedAfter.compareTo(heartbeatInterval.multipliedBy(2)) <= 0) {
      throw new IllegalArgumentException(
          "minor-protection.ledger.abandoned-after must exceed twice the heartbeat-interval");
    }
  }
}
