package org.childprotection.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.childprotection.discovery.Ledgers;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.AppProcess;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, part 5: two nodes on one PostgreSQL database, clustered the way Camunda clusters
 * (the shared database, a job executor on every node, optimistic locking). Work is spread over
 * both; each node in turn is killed with SIGKILL while the other carries on with the tasks,
 * the asynchronous steps and the timers, including those the dead node had locked (free again
 * after the lock time). No job runs to its end twice and nothing is lost. A node that restarts
 * beside another node's running ledger import leaves it alone; an import whose node died is
 * marked failed by the survivor once its heartbeat has stopped.
 */
class ClusterTest {

  private static final String TICKETS = "CLUSTER";
  private static final List<String> SETTINGS = settings();

  @Test
  void twoNodesShareTheWorkAndEachCarriesOnWhenTheOtherIsKilled() throws Exception {
    assumeTrue(TestDatabase.isPostgres(), "cluster tests run on PostgreSQL");
    Random random = Workload.seeded("cluster");
    String database = TestDatabase.freshDatabaseUrl();
    Workload load = new Workload(TICKETS);
    long started = System.currentTimeMillis();

    // The first node on a new database creates the schema and the organisation; the second
    // joins once it is there (docs/operations.md, "Several nodes").
    AppProcess a = AppProcess.start("node-a", database, SETTINGS);
    AppProcess b = AppProcess.start("node-b", database, SETTINGS);
    try (Database db = new Database(database)) {
      BackgroundCallers both = BackgroundCallers.start(List.of(a, b), load, random.nextLong());
      String ledger = importLedger(a, 20_000, 1);
      // An import as long as node-a lives: owned by node-a (whose heartbeat renews it), however
      // quickly this machine gets through a real ledger.
      String endless = importOwnedLike(db, ledger);
      Thread.sleep(4000);

      // node-b dies; the balancer sends everything to node-a (node-b is not ready).
      b.kill();
      both.stop();
      BackgroundCallers onlyA = BackgroundCallers.start(a, load, random.nextLong());
      Thread.sleep(3000);
      b.restart();
      assertThat(status(db, endless))
          .as("node-b's start-up leaves the import node-a is running alone").isEqualTo("RUNNING");
      assertThat(status(db, ledger)).as("node-a's real import").isIn("RUNNING", "DONE");
      onlyA.stop();

      both = BackgroundCallers.start(List.of(a, b), load, random.nextLong());
      Thread.sleep(3000);
      // node-a dies in the middle of its share of the work (and of its import).
      List<Object> jobsAtKill = db.column("SELECT id_ FROM act_ru_job");
      long lockedAtKill = db.count("SELECT COUNT(*) FROM act_ru_job "
          + "WHERE lock_exp_time_ > localtimestamp");
      a.kill();
      both.stop();
      BackgroundCallers onlyB = BackgroundCallers.start(b, load, random.nextLong());
      Thread.sleep(3000);
      onlyB.stop();

      Invariants.resendEverything(load, b.as("center"));
      // The survivor takes over the dead node's locked jobs once their lock has expired.
      // Due within 70 s: the urgent triage deadlines (15 s), their escalations, and a job that
      // lost a concurrent update to a user or another node, which the engine runs again on its
      // step's retry cycle, first after a minute.
      db.awaitJobsDrained(Invariants.DUE_WITHIN_SECONDS, 180_000);
      // The dead node's import is failed by the survivor once its heartbeat has stopped.
      awaitStatus(db, endless, "FAILED", Duration.ofSeconds(30));
      assertThat(db.single("SELECT failure FROM ledger_import WHERE id = ?", endless))
          .asString().contains("请重新导入");
      assertThat(status(db, ledger)).as("node-a's real import").isIn("DONE", "FAILED");

      Map<String, Long> jobRuns = Invariants.noJobRanTwice(db);
      long takenOver = db.count("SELECT COUNT(DISTINCT job_id_) FROM act_hi_job_log "
          + "WHERE job_state_ = 2 AND hostname_ = 'node-b' AND job_id_ IN ("
          + String.join(",", jobsAtKill.stream().map(id -> "'" + id + "'").toList()) + ")");
      System.out.printf("nodes=2 kills=2 reports=%d (2xx=%d) tasks completed=%d "
              + "successful job runs per node=%s jobs at node-a's death=%d (locked %d), "
              + "run by node-b afterwards=%d in %d s%n",
          load.sent().size(), load.answered().size(), load.completedTasks().size(), jobRuns,
          jobsAtKill.size(), lockedAtKill, takenOver,
          (System.currentTimeMillis() - started) / 1000);

      assertThat(load.unexpectedAnswers()).as("valid reports refused").isEmpty();
      assertThat(jobRuns.getOrDefault("node-a", 0L)).as("jobs run by node-a").isPositive();
      assertThat(jobRuns.getOrDefault("node-b", 0L)).as("jobs run by node-b").isPositive();
      assertThat(takenOver).as("jobs pending at node-a's death, run by node-b").isPositive();
      assertThat(db.count("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN ("
          + String.join(",", jobsAtKill.stream().map(id -> "'" + id + "'").toList())
          + ") AND duedate_ < localtimestamp"))
          .as("jobs pending at node-a's death and due by now, not yet run").isZero();
      assertThat(load.completedTasks()).as("tasks completed on the cluster").isNotEmpty();
      Invariants.oneCasePerReport(db, load, TICKETS);
      Invariants.nothingStuck(db);
      Invariants.notifiedOnceEach(db, load);
      Invariants.completionsKept(db, load);
    } finally {
      a.close();
      b.close();
    }
  }

  private static List<String> settings() {
    List<String> settings = new ArrayList<>(CrashTest.SHORT_DEADLINES_AND_QUICK_JOBS);
    // Heartbeats of running ledger imports every second; silent for 5 s means the node died.
    settings.add("minor-protection.ledger.heartbeat-interval=PT1S");
    settings.add("minor-protection.ledger.abandoned-after=PT5S");
    return settings;
  }

  /** Uploads a ledger of children not at risk (registered, no cases) to this node. */
  private static String importLedger(AppProcess node, int rows, int batch) {
    List<List<String>> ledger = new ArrayList<>();
    LocalDate firstBirthday = LocalDate.now().minusYears(5 + batch);
    for (int i = 0; i < rows; i++) {
      ledger.add(Ledgers.row("集群" + i, IdNumber.withCheckCharacter("320113"
          + firstBirthday.minusDays(i / 1000).toString().replace("-", "")
          + String.format("%03d", i % 1000)), false));
    }
    Http.Response started = node.as("qixia").postMultipart("/api/ledgers",
        Map.of("district", "qixia"), "file", "cluster.csv",
        Ledgers.csv(StandardCharsets.UTF_8, false, ledger));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    return started.json().get("id").asText();
  }

  /** A running import with the same owner as this one: its node's heartbeat renews it. */
  private static String importOwnedLike(Database db, String importId) {
    String id = UUID.randomUUID().toString();
    db.update("INSERT INTO ledger_import (id, district, file_name, status, rows_read, accepted, "
        + "rejected, duplicates, cases_opened, created_by, created_at, owner, heartbeat_at) "
        + "SELECT ?, district, 'endless.csv', 'RUNNING', 0, 0, 0, 0, 0, created_by, now(), "
        + "owner, now() FROM ledger_import WHERE id = ?", id, importId);
    return id;
  }

  private static String status(Database db, String importId) {
    return (String) db.single("SELECT status FROM ledger_import WHERE id = ?", importId);
  }

  private static void awaitStatus(Database db, String importId, String expected,
      Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (!expected.equals(status(db, importId)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    assertThat(status(db, importId)).as("import " + importId).isEqualTo(expected);
  }
}
