package org.childprotection.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.childprotection.api.Failures;
import org.childprotection.discovery.LedgerImports.Progress;
import org.childprotection.discovery.LedgerRowChecker.Problem;
import org.childprotection.intake.IntakePolicy;
import org.childprotection.organisation.District;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a district's 基础台帐 in the background: reads it as a stream, checks every row,
 * registers the accepted ones in batches, and has {@link LedgerCaseOpener} open a case for every
 * row at risk. A batch's cases are opened while the next batch is read and registered; once
 * they have all ended, the batch's problems and the import's progress are saved. Importing the
 * same file again changes nothing.
 */
@Service
public class LedgerImporter {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerImporter.class);

  private final LedgerImports imports;
  private final LedgerRegistry registry;
  private final LedgerCaseOpener caseOpener;
  private final LedgerPolicy policy;
  private final IntakePolicy intakePolicy;
  private final TransactionTemplate transaction;
  private final ThreadPoolTaskExecutor executor;
  private final Clock clock;
  /** This node, as long as it runs: the owner of the imports it starts. */
  private final String node = "node-" + UUID.randomUUID();
  private volatile ThreadPoolTaskScheduler heartbeat;

  public LedgerImporter(LedgerImports imports, LedgerRegistry registry,
      LedgerCaseOpener caseOpener, LedgerPolicy policy, IntakePolicy intakePolicy,
      TransactionTemplate transaction, Clock clock) {
    this.imports = imports;
    this.registry = registry;
    this.caseOpener = caseOpener;
    this.policy = policy;
    this.intakePolicy = intakePolicy;
    this.transaction = transaction;
    this.clock = clock;
    // Imports run beside the requests; an uploaded file waits in the queue until its turn.
    this.executor = fixedPool(policy.importThreads(), "ledger-import-");
  }

  /** So many threads, no more and no fewer; work beyond them waits in the queue. */
  static ThreadPoolTaskExecutor fixedPool(int threads, String namePrefix) {
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(threads);
    pool.setMaxPoolSize(threads);
    pool.setThreadNamePrefix(namePrefix);
    pool.initialize();
    return pool;
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.shutdown();
    }
    executor.shutdown();
  }

  /** Takes the uploaded file (which it deletes when done) and answers with the import's id. */
  public String start(District district, String fileName, Path file, String userId) {
    String id = UUID.randomUUID().toString();
    imports.start(id, district.code(), fileName, userId, node);
    executor.execute(() -> run(id, district, fileName, file, userId));
    return id;
  }

  /**
   * Once the node is up: fails the imports abandoned so far, then keeps this node's imports
   * alive and looks for abandoned ones on every heartbeat. Several nodes share the database,
   * so an import counts as abandoned only when its node has stopped renewing it, never merely
   * because it is running (another node may be running it right now).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void watchImports() {
    failAbandonedImports();
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("ledger-heartbeat-");
    scheduler.setDaemon(true);
    scheduler.initialize();
    scheduler.scheduleAtFixedRate(() -> {
      try {
        imports.heartbeat(node);
        failAbandonedImports();
      } catch (RuntimeException e) {
        // the database may be away for a moment; the next beat tries again
        LOG.warn("Ledger import heartbeat failed: {}", e.getClass().getName());
      }
    }, policy.heartbeatInterval());
    heartbeat = scheduler;
  }

  /** Marks failed the imports whose node stopped renewing them (a crash, a kill). */
  int failAbandonedImports() {
    int abandoned = imports.failAbandoned(
        "服务中断，导入未完成：请重新导入（重复导入不会产生重复数据）", policy.abandonedAfter());
    if (abandoned > 0) {
      LOG.warn("{} ledger imports lost their node and were marked failed", abandoned);
    }
    return abandoned;
  }

  private void run(String id, District district, String fileName, Path file, String userId) {
    Run run = new Run(id, district, userId);
    try {
      LedgerFile.read(file, fileName, run::row);
      if (!run.sawHeader) {
        throw new LedgerFile.UnreadableLedgerException("文件为空：没有表头和数据", null);
      }
      run.flush();
      run.finishOpening();
      imports.finish(id, "DONE", null);
      LOG.info("Ledger import {} of {} done: {} rows", id, district.code(), run.rowsRead);
    } catch (LedgerFile.UnreadableLedgerException e) {
      run.settle();
      imports.finish(id, "FAILED", e.getMessage());
    } catch (RuntimeException e) {
      // Not the exception itself: its message can quote a row of the ledger.
      LOG.error("Ledger import {} failed: {}", id, Failures.describe(e));
      run.settle();
      imports.finish(id, "FAILED", "导入失败：系统错误，请稍后重新导入（重复导入不会产生重复数据）");
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("Could not delete the uploaded ledger of import {}", id);
      }
    }
  }

  /** The state of one import while it runs. */
  private final class Run {

    private final String id;
    private final District district;
    private final String userId;
    private final LedgerRowChecker checker;
    private final List<LedgerRow> batch = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean sawHeader;
    private int rowsRead;
    private int accepted;
    private int rejected;
    private int duplicates;
    private int casesOpened;
    private int reportedErrors;
    /** The last batch registered, while its cases are opened. */
    private OpeningBatch opening;

    Run(String id, District district, String userId) {
      this.id = id;
      this.district = district;
      this.userId = userId;
      this.checker = new LedgerRowChecker(district, clock, intakePolicy.adultAge());
    }

    void row(int number, List<String> cells) {
      if (number == 0) {
        LedgerRowChecker.headerProblem(cells).ifPresent(problem -> {
          throw new LedgerFile.UnreadableLedgerException(problem, null);
        });
        sawHeader = true;
        return;
      }
      rowsRead++;
      Object checked = checker.check(number, cells);
      if (checked instanceof LedgerRow row) {
        accepted++;
        batch.add(row);
      } else {
        rejected++;
        @SuppressWarnings("unchecked")
        List<Problem> rowProblems = (List<Problem>) checked;
        rowProblems.forEach(problem -> report(problem, problems));
      }
      if (batch.size() >= policy.batchSize()) {
        flush();
      }
    }

    /**
     * Registers the batch and starts opening its cases; then waits for the previous batch's
     * cases, which were opened meanwhile.
     */
    void flush() {
      List<LedgerRow> rows = distinctChildren(batch);
      transaction.executeWithoutResult(status -> {
        for (LedgerRegistry.Registered child : registry.register(rows)) {
          if (child.known()) {
            duplicates++;
          }
        }
      });
      LedgerCaseOpener.Opening cases = caseOpener.open(id, district, rows, userId);
      finishOpening();
      opening = new OpeningBatch(cases, rowsRead, accepted, rejected, duplicates,
          List.copyOf(problems));
      batch.clear();
      problems.clear();
    }

    /** Once the cases of the batch being opened have ended: its problems and the progress. */
    void finishOpening() {
      if (opening == null) {
        return;
      }
      OpeningBatch done = opening;
      opening = null;
      LedgerCaseOpener.Opened opened = done.cases().await();
      casesOpened += opened.casesOpened();
      List<Problem> batchProblems = new ArrayList<>(done.problems());
      opened.problems().forEach(problem -> report(problem, batchProblems));
      transaction.executeWithoutResult(status -> {
        imports.errors(id, batchProblems);
        imports.progress(id, new Progress(done.rowsRead(), done.accepted(), done.rejected(),
            done.duplicates(), casesOpened));
      });
      if (opened.systemFailure() != null) {
        throw opened.systemFailure();
      }
    }

    /** After a failure: the counts as far as they got, once no case is being opened. */
    void settle() {
      try {
        finishOpening();
      } catch (RuntimeException alreadyFailing) {
        // the import fails for its first failure, logged and reported already
      }
      imports.progress(id, new Progress(rowsRead, accepted, rejected, duplicates, casesOpened));
    }

    private void report(Problem problem, List<Problem> into) {
      if (reportedErrors++ < policy.maxReportedErrors()) {
        into.add(problem);
      }
    }

    /** A child twice in the batch is registered once, with the later row (updated, not doubled). */
    private List<LedgerRow> distinctChildren(List<LedgerRow> rows) {
      Map<String, LedgerRow> byChild = new LinkedHashMap<>();
      for (LedgerRow row : rows) {
        String key = row.idNumber() != null ? row.idNumber()
            : row.name() + "|" + row.birthDate();
        if (byChild.containsKey(key)) {
          duplicates++;
        }
        // A child of an earlier batch is known to the registry by now, which counts it.
        byChild.put(key, row);
      }
      return new ArrayList<>(byChild.values());
    }
  }

  /** A registered batch whose cases are being opened, and the counts as of its last row. */
  private record OpeningBatch(LedgerCaseOpener.Opening cases, int rowsRead, int accepted,
      int rejected, int duplicates, List<Problem> problems) {}
}
