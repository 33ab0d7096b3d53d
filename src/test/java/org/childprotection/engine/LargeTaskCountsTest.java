package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.SimpleExecutor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long lists' counts are taken from memory for a while, short ones never; a count is known by
 * every parameter of its statement, so that a caller never gets a count made for a query that
 * differs in the caller, a group or a criterion. Driven with the engine's real count statement
 * and real task queries; the database's answer is played by a counting executor.
 */
class LargeTaskCountsTest extends PlatformTest {

  private static final Duration REMEMBER_FOR = Duration.ofSeconds(10);

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  private final AtomicLong databaseCount = new AtomicLong();
  private final AtomicInteger databaseAsked = new AtomicInteger();
  private LargeTaskCounts counts;
  private Configuration mybatis;
  private Executor database;

  @BeforeEach
  void countsRememberedFromAThousand() {
    counts = new LargeTaskCounts(1000, REMEMBER_FOR, now::get);
    mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory().getConfiguration();
    // MyBatis's own executor makes the keys; every query is answered by the counter.
    Executor keys = new SimpleExecutor(mybatis, null);
    database = (Executor) Proxy.newProxyInstance(Executor.class.getClassLoader(),
        new Class<?>[] {Executor.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("createCacheKey")) {
            return method.invoke(keys, arguments);
          }
          databaseAsked.incrementAndGet();
          return List.of(databaseCount.get());
        });
  }

  @Test
  void aLongListsCountIsRememberedUntilItsTimeRunsOut() throws Throwable {
    TaskQueryImpl center = offeredTo("protection-center");
    databaseCount.set(80_000);
    assertThat(count(center)).isEqualTo(80_000);
    databaseCount.set(80_001);
    assertThat(count(center)).as("remembered").isEqualTo(80_000);
    assertThat(databaseAsked).hasValue(1);

    now.set(now.get().plus(REMEMBER_FOR));
    assertThat(count(center)).as("its time has run out").isEqualTo(80_001);
    assertThat(databaseAsked).hasValue(2);
  }

  @Test
  void aShortListIsAlwaysCounted() throws Throwable {
    TaskQueryImpl gulou = offeredTo("district-gulou");
    databaseCount.set(999);
    assertThat(count(gulou)).isEqualTo(999);
    databaseCount.set(998);
    assertThat(count(gulou)).as("a claimed task leaves the count at once").isEqualTo(998);
    assertThat(databaseAsked).hasValue(2);
  }

  @Test
  void aQueryThatDiffersInAnyParameterIsCountedOnItsOwn() throws Throwable {
    databaseCount.set(5_000);
    count(offeredTo("protection-center"));

    databaseCount.set(3_000);
    assertThat(count(offeredTo("district-gulou"))).as("another group").isEqualTo(3_000);
    TaskQueryImpl otherCaller = offeredTo("protection-center");
    otherCaller.setAuthCheck(callerCheck("supervisor", "protection-center"));
    assertThat(count(otherCaller)).as("another caller").isEqualTo(3_000);
    TaskQueryImpl assigned = offeredTo("protection-center");
    assigned.taskAssignee("center");
    assertThat(count(assigned)).as("another criterion").isEqualTo(3_000);
    assertThat(count(offeredTo("protection-center"))).as("the first query, remembered")
        .isEqualTo(5_000);
    assertThat(databaseAsked).hasValue(4);
  }

  @Test
  void otherStatementsAreNotTouched() throws Throwable {
    databaseCount.set(5_000);
    MappedStatement page = mybatis.getMappedStatement(
        AuthorizationQueries.NAMESPACE + ".selectTasksVisibleToCaller");
    ask(page, offeredTo("protection-center"));
    ask(page, offeredTo("protection-center"));
    assertThat(databaseAsked).hasValue(2);
  }

  @Test
  void itIsInstalledOnceAndNotAtAllWhenSwitchedOff() {
    Configuration fresh = new Configuration();
    LargeTaskCounts.install(fresh, 1000, Duration.ZERO, now::get);
    assertThat(fresh.getInterceptors()).isEmpty();
    LargeTaskCounts.install(fresh, 1000, REMEMBER_FOR, now::get);
    LargeTaskCounts.install(fresh, 1000, REMEMBER_FOR, now::get);
    assertThat(fresh.getInterceptors()).hasSize(1);
  }

  /** A query for the tasks offered to the group, asked by {@code center}. */
  private static TaskQueryImpl offeredTo(String group) {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroup(group);
    query.setAuthCheck(callerCheck("center", "protection-center"));
    return query;
  }

  /** The check the engine makes of the caller before it asks for tasks. */
  private static AuthorizationCheck callerCheck(String userId, String groupId) {
    AuthorizationCheck check = TaskReadCheck.of(userId, groupId);
    assertThat(AuthorizationQueries.checksItself(check)).as("our statement checks it").isTrue();
    return check;
  }

  private long count(TaskQueryImpl query) throws Throwable {
    List<?> answer = ask(mybatis.getMappedStatement(LargeTaskCounts.STATEMENT), query);
    return ((Number) answer.get(0)).longValue();
  }

  private List<?> ask(MappedStatement statement, Object parameter) throws Throwable {
    Method query = Executor.class.getMethod("query", MappedStatement.class, Object.class,
        RowBounds.class, ResultHandler.class);
    return (List<?>) counts.intercept(new Invocation(database, query,
        new Object[] {statement, parameter, RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER}));
  }
}
