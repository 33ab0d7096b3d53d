package org.childprotection.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.childprotection.discovery.LedgerCaseOpener.Opened;
import org.childprotection.discovery.LedgerCaseOpener.Opening;
import org.childprotection.discovery.LedgerCaseOpener.Started;
import org.childprotection.discovery.LedgerRowChecker.Problem;
import org.childprotection.intake.IntakeResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * How a batch's cases end: counted once all have ended, a row's failure reported as that row's,
 * a failure of the platform handed back to fail the import.
 */
@Tag("no-database")
class LedgerCaseOpenerTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        arguments("the row's data refused by a constraint",
            new DataIntegrityViolationException("duplicate key"), false),
        arguments("the engine refused the step (a suspended case)",
            new ProcessEngineException("no execution to correlate to"), false),
        arguments("a constraint, inside the engine",
            new ProcessEngineException("insert failed", new SQLException("duplicate", "23505")),
            false),
        arguments("no connection from the pool",
            new CannotGetJdbcConnectionException("pool exhausted"), true),
        arguments("the connection lost, inside the engine",
            new ProcessEngineException("flush failed", new SQLException("I/O error", "08006")),
            true),
        arguments("the pool timed out", new SQLTransientConnectionException("timed out"), true),
        arguments("no transaction to be had",
            new CannotCreateTransactionException("no connection"), true),
        arguments("out of memory", new OutOfMemoryError(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailureOfThePlatformIsToldFromAFailureOfTheRow(String what, Throwable failure,
      boolean ofThePlatform) {
    assertThat(LedgerCaseOpener.isSystemFailure(failure)).isEqualTo(ofThePlatform);
  }

  @Test
  void theCasesOpenedAreCountedAndARowThatOpenedNoneIsReported() {
    Opening opening = new Opening("import", List.of(
        started(1, CompletableFuture.completedFuture(IntakeResult.opened("NJ-1", "p-1"))),
        started(2, CompletableFuture.failedFuture(new ProcessEngineException("suspended"))),
        started(3, CompletableFuture.completedFuture(IntakeResult.merged("NJ-9"))),
        started(4, CompletableFuture.completedFuture(IntakeResult.opened("NJ-2", "p-2")))),
        List.of(new Problem(5, "身份证号", "该行数据不足以立案，请核对后重新导入")));

    Opened opened = opening.await();

    assertThat(opened.casesOpened()).isEqualTo(2);
    assertThat(opened.problems()).extracting(Problem::row).containsExactly(5, 2);
    assertThat(opened.systemFailure()).isNull();
  }

  @Test
  void aFailureOfThePlatformIsHandedBackWithTheCasesOpenedBesideIt() {
    CannotGetJdbcConnectionException away = new CannotGetJdbcConnectionException("away");
    Opening opening = new Opening("import", List.of(
        started(1, CompletableFuture.completedFuture(IntakeResult.opened("NJ-1", "p-1"))),
        started(2, CompletableFuture.failedFuture(away)),
        started(3, CompletableFuture.completedFuture(IntakeResult.opened("NJ-2", "p-2")))),
        List.of());

    Opened opened = opening.await();

    assertThat(opened.casesOpened()).isEqualTo(2);
    assertThat(opened.problems()).isEmpty();
    assertThat(opened.systemFailure()).isSameAs(away);
  }

  private static Started started(int row, Future<IntakeResult> result) {
    return new Started(new LedgerRow(row, "台帐" + row, "女", null, null, "本市", "qixia", "", "",
        "", List.of(), "", "", "", "", true, ""), result);
  }
}
