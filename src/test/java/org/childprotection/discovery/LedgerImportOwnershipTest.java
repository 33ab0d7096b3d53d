package org.childprotection.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes share the database: an import another node is running is not this node's to
 * fail; only an import whose node stopped renewing its heartbeat is abandoned. (The cluster
 * test shows it with real nodes: a node restarting beside a running import leaves it alone.)
 */
class LedgerImportOwnershipTest extends PlatformTest {

  @Autowired
  LedgerImporter importer;

  @Autowired
  LedgerImports imports;

  @Autowired
  LedgerPolicy policy;

  @Autowired
  JdbcClient jdbc;

  @Test
  void onlyImportsWhoseNodeFellSilentAreFailed() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String running = insertRunning("another-node", now.minusSeconds(5), now.minusMinutes(30));
    String lost = insertRunning("crashed-node",
        now.minus(policy.abandonedAfter()).minusMinutes(1), now.minusMinutes(30));
    String beforeHeartbeats = insertRunning(null, null, now.minus(policy.abandonedAfter())
        .minusMinutes(1));

    assertThat(importer.failAbandonedImports()).isGreaterThanOrEqualTo(2);

    assertThat(imports.byId(running).orElseThrow().status())
        .as("an import another node is running").isEqualTo("RUNNING");
    LedgerImports.LedgerImport failed = imports.byId(lost).orElseThrow();
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.failure()).contains("请重新导入");
    assertThat(failed.finishedAt()).isNotNull();
    assertThat(imports.byId(beforeHeartbeats).orElseThrow().status()).isEqualTo("FAILED");
  }

  @Test
  void aHeartbeatRenewsTheOwnersRunningImportsOnly() {
    OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)
        .truncatedTo(ChronoUnit.MILLIS);
    String owner = "node-" + UUID.randomUUID();
    String mine = insertRunning(owner, old, old);
    String theirs = insertRunning("node-" + UUID.randomUUID(), old, old);

    imports.heartbeat(owner);

    assertThat(imports.byId(mine).orElseThrow().heartbeatAt()).isAfter(old.plusSeconds(30));
    assertThat(imports.byId(theirs).orElseThrow().heartbeatAt()).isAtSameInstantAs(old);
  }

  @Test
  void aNodeMustBeatAtLeastTwiceBeforeItsImportCountsAsAbandoned() {
    assertThatThrownBy(() -> new LedgerPolicy(500, 1000, 2, Duration.ofSeconds(30),
        Duration.ofSeconds(60))).isInstanceOf(IllegalArgumentException.class);
    assertThat(policy.abandonedAfter()).isGreaterThan(policy.heartbeatInterval().multipliedBy(2));
  }

  private String insertRunning(String owner, OffsetDateTime heartbeat, OffsetDateTime created) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            INSERT INTO ledger_import (id, district, file_name, status, rows_read, accepted,
              rejected, duplicates, cases_opened, created_by, created_at, owner, heartbeat_at)
            VALUES (?, 'qixia', 'test.csv', 'RUNNING', 0, 0, 0, 0, 0, 'qixia', ?, ?, ?)""")
        .params(id, created, owner, heartbeat).update();
    return id;
  }
}
