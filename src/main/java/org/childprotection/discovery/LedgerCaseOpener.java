package org.childprotection.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.childprotection.api.Failures;
import org.childprotection.assessment.ScoringPolicy;
import org.childprotection.discovery.LedgerRowChecker.Problem;
import org.childprotection.intake.Channel;
import org.childprotection.intake.IntakeResult;
import org.childprotection.intake.IntakeService;
import org.childprotection.intake.ReportRequest;
import org.childprotection.intake.ReportValidator;
import org.childprotection.organisation.District;
import org.childprotection.registry.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Opens the cases of a registered batch of ledger rows: one through the intake (channel LEDGER)
 * for every row marked at risk or whose data trips a RED override, several at once on a small
 * pool that the node's imports share ({@link CaseOpeningPolicy}). A row's ticket is a digest of
 * the row, so a row imported again opens nothing; which tickets came before is asked once per
 * batch. A row whose case cannot be opened is that row's problem, reported with it; a failure of
 * the platform itself (the database away, the node stopping) fails the import.
 */
@Component
class LedgerCaseOpener {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerCaseOpener.class);
  /** A guardian in this state cannot care for the child. */
  private static final Set<String> NO_CARE = Set.of("死亡", "失踪", "服刑", "强制戒毒", "戒毒");
  private static final SQLExceptionTranslator SQL_FAILURES = new SQLExceptionSubclassTranslator();

  private final IntakeService intake;
  private final ReportValidator reportValidator;
  private final Reports reports;
  private final ScoringPolicy scoring;
  private final Clock clock;
  private final ThreadPoolTaskExecutor pool;

  LedgerCaseOpener(IntakeService intake, ReportValidator reportValidator, Reports reports,
      ScoringPolicy scoring, Clock clock, CaseOpeningPolicy policy) {
    this.intake = intake;
    this.reportValidator = reportValidator;
    this.reports = reports;
    this.scoring = scoring;
    this.clock = clock;
    this.pool = LedgerImporter.fixedPool(policy.threads(), "ledger-case-");
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  /**
   * Starts opening the cases of these rows, which the registry holds already; the answer waits
   * for them.
   */
  Opening open(String importId, District district, List<LedgerRow> rows, String userId) {
    List<Problem> refused = new ArrayList<>();
    List<LedgerRow> atRisk = new ArrayList<>();
    List<ReportRequest> toReceive = new ArrayList<>();
    for (LedgerRow row : rows) {
      if (!row.atRisk() && !tripsRedOverride(row)) {
        continue;
      }
      ReportRequest report = toReport(district, row);
      if (reportValidator.check(report).isEmpty()) {
        atRisk.add(row);
        toReceive.add(report);
      } else {
        refused.add(new Problem(row.number(), "身份证号", "该行数据不足以立案，请核对后重新导入"));
      }
    }
    Set<String> received = reports.knownTickets(Channel.LEDGER.name(),
        toReceive.stream().map(ReportRequest::channelTicketId).toList());
    List<Started> started = new ArrayList<>();
    for (int i = 0; i < toReceive.size(); i++) {
      ReportRequest report = toReceive.get(i);
      if (!received.contains(report.channelTicketId())) {
        started.add(new Started(atRisk.get(i),
            pool.submit(() -> intake.receive(report, userId))));
      }
    }
    return new Opening(importId, started, refused);
  }

  /** The cases of a batch, on their way: {@link #await()} waits until every one has ended. */
  record Opening(String importId, List<Started> cases, List<Problem> refused) {

    /**
     * The cases opened (a row about a child with an open case adds to that case instead), the
     * rows that opened none, and a failure of the platform if one stopped any.
     */
    Opened await() {
      List<Problem> problems = new ArrayList<>(refused);
      int opened = 0;
      RuntimeException systemFailure = null;
      for (Started started : cases) {
        try {
          if (started.result().get().isNewCase()) {
            opened++;
          }
        } catch (InterruptedException e) {
          // The node is stopping: the cases still running end on their own.
          Thread.currentThread().interrupt();
          return new Opened(opened, problems,
              new IllegalStateException("stopped while a ledger's cases were opened", e));
        } catch (ExecutionException | CancellationException e) {
          Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
          if (isSystemFailure(failure)) {
            systemFailure = systemFailure != null ? systemFailure
                : failure instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("a ledger's cases could not be opened", failure);
          } else {
            LOG.warn("Ledger import {}: row {} opened no case: {}", importId,
                started.row().number(), Failures.describe(failure));
            problems.add(new Problem(started.row().number(), "是否存在风险",
                "该行未能立案，请稍后重新导入（重复导入不会产生重复数据）"));
          }
        }
      }
      return new Opened(opened, problems, systemFailure);
    }
  }

  /** A row's case, being opened. */
  record Started(LedgerRow row, Future<IntakeResult> result) {}

  /** How a batch's cases ended; {@code systemFailure} is null when the platform held. */
  record Opened(int casesOpened, List<Problem> problems, RuntimeException systemFailure) {}

  /**
   * A failure of the platform rather than of a row: the database unreachable or out of
   * resources, no connection or transaction to be had, the JVM in trouble, the node stopping.
   */
  static boolean isSystemFailure(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof Error || e instanceof InterruptedException
          || e instanceof CancellationException || e instanceof CannotCreateTransactionException
          || isResourceFailure(e)
          || e instanceof SQLException sql && isResourceFailure(
              SQL_FAILURES.translate("ledger case", null, sql))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isResourceFailure(Throwable e) {
    return e instanceof DataAccessResourceFailureException
        || e instanceof TransientDataAccessResourceException
        || e instanceof RecoverableDataAccessException;
  }

  private boolean tripsRedOverride(LedgerRow row) {
    if (row.birthDate() == null || row.guardianStatus().isEmpty()) {
      return false;
    }
    int age = Period.between(row.birthDate(), LocalDate.now(clock)).getYears();
    return age < scoring.article21().withoutCareUnderAge()
        && NO_CARE.stream().anyMatch(row.guardianStatus()::contains);
  }

  private static ReportRequest toReport(District district, LedgerRow row) {
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
