package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which statement reads a page: the groups' offers are counted up to the limit, and a page of
 * groups with fewer is read from their offers; every other page goes on unchanged. Driven with
 * the engine's real statements and real task queries; the database is played by an executor that
 * records what it was asked. (That both statements return the engine's tasks is
 * AuthorizationQueriesTest's.)
 */
class FewOffersFirstTest extends PlatformTest {

  private static final long FEW_BELOW = 10_000;
  private static final Duration REMEMBER_FOR = Duration.ofSeconds(10);

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  private final AtomicLong offers = new AtomicLong();
  private final List<String> asked = new ArrayList<>();
  private final List<Object> countParameters = new ArrayList<>();
  private FewOffersFirst chooser;
  private Configuration mybatis;
  private Executor database;

  @BeforeEach
  void offersFirstBelowTenThousand() {
    chooser = new FewOffersFirst(FEW_BELOW, REMEMBER_FOR, now::get);
    mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory().getConfiguration();
    database = (Executor) Proxy.newProxyInstance(Executor.class.getClassLoader(),
        new Class<?>[] {Executor.class}, (proxy, method, arguments) -> {
          MappedStatement statement = (MappedStatement) arguments[0];
          asked.add(statement.getId());
          if (statement.getId().equals(FewOffersFirst.COUNT_OFFERS)) {
            countParameters.add(arguments[1]);
            return List.of(offers.get());
          }
          return List.of();
        });
  }

  @Test
  void aPageOfGroupsWithFewOffersIsReadFromTheOffers() throws Throwable {
    offers.set(3_638);
    ask(offeredTo("district-gulou", "police"));

    assertThat(asked).containsExactly(FewOffersFirst.COUNT_OFFERS, FewOffersFirst.OFFERS_PAGE);
    assertThat(countParameters).containsExactly(
        Map.of("groups", List.of("district-gulou", "police"), "limit", FEW_BELOW));
  }

  @Test
  void aPageSortedByWhatTheOffersDoNotHoldReadsEveryTaskOffered() throws Throwable {
    offers.set(3_638);
    TaskQueryImpl newestFirst = new TaskQueryImpl();
    newestFirst.taskCandidateGroup("district-gulou").orderByTaskCreateTime().desc();
    newestFirst.setAuthCheck(TaskReadCheck.of("gulou", "district-gulou"));
    ask(newestFirst);
    TaskQueryImpl byDueDateAndId = offeredTo("district-gulou");
    byDueDateAndId.orderByTaskId().asc();
    ask(byDueDateAndId);

    assertThat(asked).containsExactly(FewOffersFirst.COUNT_OFFERS,
        FewOffersFirst.FEW_OFFERS_PAGE, FewOffersFirst.OFFERS_PAGE);
  }

  @Test
  void aPageOfGroupsWithManyOffersIsReadAlongTheIndex() throws Throwable {
    offers.set(FEW_BELOW);
    ask(offeredTo("protection-center"));

    assertThat(asked).containsExactly(FewOffersFirst.COUNT_OFFERS, FewOffersFirst.PAGE);
  }

  @Test
  void theChoiceIsRememberedForAListOfGroupsUntilItsTimeRunsOut() throws Throwable {
    offers.set(80_000);
    ask(offeredTo("protection-center"));
    offers.set(3_638);
    ask(offeredTo("protection-center"));
    ask(offeredTo("district-gulou"));
    assertThat(asked).as("the center's offers counted once, gulou's on their own")
        .containsExactly(FewOffersFirst.COUNT_OFFERS, FewOffersFirst.PAGE, FewOffersFirst.PAGE,
            FewOffersFirst.COUNT_OFFERS, FewOffersFirst.OFFERS_PAGE);

    asked.clear();
    now.set(now.get().plus(REMEMBER_FOR));
    ask(offeredTo("protection-center"));
    assertThat(asked).as("its time has run out")
        .containsExactly(FewOffersFirst.COUNT_OFFERS, FewOffersFirst.OFFERS_PAGE);
  }

  @Test
  void otherPagesAreNotTouched() throws Throwable {
    TaskQueryImpl assigned = new TaskQueryImpl();
    assigned.taskAssignee("gulou");
    assigned.setAuthCheck(TaskReadCheck.of("gulou", "district-gulou"));
    ask(assigned);

    TaskQueryImpl unchecked = new TaskQueryImpl();
    unchecked.taskCandidateGroup("district-gulou");
    ask(unchecked);

    TaskQueryImpl orQuery = offeredTo("district-gulou");
    orQuery.or().taskAssignee("gulou").endOr();
    ask(orQuery);

    assertThat(asked).as("no count of offers, each page with its own statement")
        .containsExactly(FewOffersFirst.PAGE, FewOffersFirst.PAGE, FewOffersFirst.PAGE);
  }

  @Test
  void switchedOffEveryPageIsReadAlongTheIndex() throws Throwable {
    chooser.readOffersFirstBelow(0);
    ask(offeredTo("district-gulou"));

    assertThat(asked).containsExactly(FewOffersFirst.PAGE);
  }

  @Test
  void itIsInstalledOnceAndNotAtAllWhenSwitchedOff() {
    Configuration fresh = new Configuration();
    FewOffersFirst.install(fresh, 0, REMEMBER_FOR, now::get);
    assertThat(fresh.getInterceptors()).isEmpty();
    FewOffersFirst.install(fresh, FEW_BELOW, REMEMBER_FOR, now::get);
    FewOffersFirst.install(fresh, FEW_BELOW, REMEMBER_FOR, now::get);
    assertThat(fresh.getInterceptors()).hasSize(1);
  }

  /** A query for the tasks offered to the groups by due date, asked by {@code gulou}. */
  private static TaskQueryImpl offeredTo(String... groups) {
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskCandidateGroupIn(List.of(groups));
    query.orderByDueDate().asc();
    query.setAuthCheck(TaskReadCheck.of("gulou", "district-gulou"));
    return query;
  }

  private void ask(TaskQueryImpl query) throws Throwable {
    Method method = Executor.class.getMethod("query", MappedStatement.class, Object.class,
        RowBounds.class, ResultHandler.class);
    chooser.intercept(new Invocation(database, method, new Object[] {
        mybatis.getMappedStatement(FewOffersFirst.PAGE), query, RowBounds.DEFAULT,
        Executor.NO_RESULT_HANDLER}));
  }
}
