package org.childprotection.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.childprotection.api.Failures;
import org.childprotection.assessment.ScoringPolicy;
import org.childprotection.discovery.LedgerImports.Progress;
import org.childprotection.discovery.LedgerRowChecker.Problem;
import org.childprotection.intake.Channel;
import org.childprotection.intake.IntakePolicy;
import org.childprotection.intake.IntakeResult;
import org.childprotection.intake.IntakeService;
import org.childprotection.intake.ReportRequest;
import org.childprotection.intake.ReportValidator;
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
 * registers the accepted ones in batches, and opens a case through the intake (channel LEDGER)
 * for every row marked at risk or whose data trips a RED override. Progress is saved after each
 * batch. Each at-risk row's ticket is a digest of the row, so importing the same file again
 * changes nothing.
 */
@Service
public class LedgerImporter {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerImporter.class);
  /** A guardian in this state cannot care for the child. */
  private static final Set<String> NO_CARE = Set.of("死亡", "失踪", "服刑", "强制戒毒", "戒毒");

  private final LedgerImports imports;
  private final LedgerRegistry registry;
  private final IntakeService intake;
  private final ReportValidator reportValidator;
  private final LedgerPolicy policy;
  private final IntakePolicy intakePolicy;
  private final ScoringPolicy scoring;
  private final TransactionTemplate transaction;
  private final ThreadPoolTaskExecutor executor;
  private final Clock clock;
  /** This node, as long as it runs: the owner of the imports it starts. */
  private final String node = "node-" + UUID.randomUUID();
  private volatile ThreadPoolTaskScheduler heartbeat;

  public LedgerImporter(LedgerImports imports, LedgerRegistry registry, IntakeService intake,
      ReportValidator reportValidator, LedgerPolicy policy, IntakePolicy intakePolicy,
      ScoringPolicy scoring, TransactionTemplate transaction, Clock clock) {
    this.imports = imports;
    this.registry = registry;
    this.intake = intake;
    this.reportValidator = reportValidator;
    this.policy = policy;
    this.intakePolicy = intakePolicy;
    this.scoring = scoring;
    this.transaction = transaction;
    this.clock = clock;
    // Imports run beside the requests; an uploaded file waits in the queue until its turn.
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(policy.importThreads());
    pool.setMaxPoolSize(policy.importThreads());
    pool.setThreadNamePrefix("ledger-import-");
    pool.initialize();
    this.executor = pool;
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
      imports.finish(id, "DONE", null);
      LOG.info("Ledger import {} of {} done: {} rows", id, district.code(), run.rowsRead);
    } catch (LedgerFile.UnreadableLedgerException e) {
      run.saveProgress();
      imports.finish(id, "FAILED", e.getMessage());
    } catch (RuntimeException e) {
      // Not the exception itself: its message can quote a row of the ledger.
      LOG.error("Ledger import {} failed: {}", id, Failures.describe(e));
      run.saveProgress();
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
        for (Problem problem : rowProblems) {
          if (reportedErrors++ < policy.maxReportedErrors()) {
            problems.add(problem);
          }
        }
      }
      if (batch.size() >= policy.batchSize()) {
        flush();
      }
    }

    void flush() {
      List<LedgerRow> rows = distinctChildren(batch);
      transaction.executeWithoutResult(status -> {
        List<LedgerRegistry.Registered> registered = registry.register(rows);
        for (LedgerRegistry.Registered child : registered) {
          if (child.known()) {
            duplicates++;
          }
        }
        imports.errors(id, problems);
      });
      for (LedgerRow row : rows) {
        if (row.atRisk() || tripsRedOverride(row)) {
          openCase(row);
        }
      }
      batch.clear();
      problems.clear();
      saveProgress();
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

    private void openCase(LedgerRow row) {
      ReportRequest report = toReport(row);
      if (!reportValidator.check(report).isEmpty()) {
        problems.add(new Problem(row.number(), "身份证号", "该行数据不足以立案，请核对后重新导入"));
        return;
      }
      IntakeResult result = intake.receive(report, userId);
      if (result.isNewCase()) {
        casesOpened++;
      }
    }

    private boolean tripsRedOverride(LedgerRow row) {
      if (row.birthDate() == null || row.guardianStatus().isEmpty()) {
        return false;
      }
      int age = Period.between(row.birthDate(), LocalDate.now(clock)).getYears();
      return age < scoring.article21().withoutCareUnderAge()
          && NO_CARE.stream().anyMatch(row.guardianStatus()::contains);
    }

    private ReportRequest toReport(LedgerRow row) {
      return new ReportRequest(Channel.LEDGER.name(), "ledger:" + digest(row), null,
          new ReportRequest.Reporter(null, null, "LEDGER", district.chineseName() + "民政摸底排查"),
          new ReportRequest.Child(row.name(), row.idNumber(), row.gender(),
              row.birthDate() == null ? null : row.birthDate().toString(), null,
              row.household()),
          new ReportRequest.Location(row.district(), blankToNull(row.street()),
              blankToNull(row.community()), blankToNull(row.address())),
          row.categories(), false,
          "基础台帐摸底排查" + (row.atRisk() ? "：存在风险" : "：达到直接定级情形")
              + (row.note().isEmpty() ? "" : "。备注：" + row.note()),
          row.guardianName().isEmpty() ? null : List.of(new ReportRequest.Guardian(
              row.guardianName(), row.guardianRelation(), blankToNull(row.phone()),
              row.guardianStatus())));
    }

    void saveProgress() {
      imports.progress(id, new Progress(rowsRead, accepted, rejected, duplicates, casesOpened));
    }
  }

  /** The same row, imported again, is the same ticket: a report never arrives twice. */
  private static String digest(LedgerRow row) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(row.toString().replaceFirst("number=\\d+, ", "")
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
