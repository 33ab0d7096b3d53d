package org.childprotection.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.childprotection.config.ExpiringMemory;

/**
 * A page of the tasks offered to a user's groups (本组待办), read from the groups' offers when
 * they have few. The page is sorted by due date; PostgreSQL reads it along the due-date index and
 * checks each task it passes, which is quick when the groups' tasks are among the first due (the
 * center's triages) and reads the whole table when they come last: a district's assessments fall
 * due after every triage and first contact, and its page took 124 ms at 100,000 open cases where
 * it took 14 ms at 1,000. No index or statistic tells the database how the due dates fall, so the
 * choice is made here, per page: the groups' offers are counted up to {@code fewBelow}, and a
 * page of groups with fewer is read from their offers: sorted by due date (Tasklist's order),
 * with {@code selectTasksFromGroupOffers}, which reads the offers in that order from
 * MP_TASK_OFFER (migration V17) and looks up about a page of tasks; sorted otherwise, with
 * {@code selectTasksOfferedToFewGroups}, which reads every task offered and sorts them. All three
 * statements return the same tasks (AuthorizationQueriesTest).
 * Whether a list of groups has few offers is remembered for {@code rememberFor}: counting the
 * center's offers up to the bound reads 10,000 index entries, more than its page itself.
 *
 * <p>It wraps the MyBatis executor's queries of {@code selectTasksVisibleToCaller}; see
 * docs/engine-patches.md.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class FewOffersFirst implements ExecutorInterceptor {

  static final String PAGE = AuthorizationQueries.NAMESPACE + ".selectTasksVisibleToCaller";
  static final String FEW_OFFERS_PAGE =
      AuthorizationQueries.NAMESPACE + ".selectTasksOfferedToFewGroups";
  static final String OFFERS_PAGE =
      AuthorizationQueries.NAMESPACE + ".selectTasksFromGroupOffers";
  static final String COUNT_OFFERS = AuthorizationQueries.NAMESPACE + ".countOffersUpTo";

  /** Memory bound: the least recently used list of groups goes first. */
  private static final int MAX_GROUP_LISTS = 10_000;

  private volatile long fewBelow;
  /** Whether a list of groups has few offers. */
  private final ExpiringMemory<List<String>, Boolean> fewOffers;

  /** @param now the engine's time, which tests move */
  FewOffersFirst(long fewBelow, Duration rememberFor, Supplier<Instant> now) {
    this.fewBelow = fewBelow;
    this.fewOffers = new ExpiringMemory<>(MAX_GROUP_LISTS, rememberFor, now);
  }

  /** Installs it in the engine's MyBatis configuration, once; off when fewBelow is zero. */
  static void install(Configuration mybatis, long fewBelow, Duration rememberFor,
      Supplier<Instant> now) {
    if (fewBelow > 0 && mybatis.getInterceptors().stream()
        .noneMatch(FewOffersFirst.class::isInstance)) {
      mybatis.addInterceptor(new FewOffersFirst(fewBelow, rememberFor, now));
    }
  }

  /**
   * Tests compare both statements with the engine's: 0 reads every page along the index.
   * Returns the setting it replaces; what was remembered is forgotten.
   */
  long readOffersFirstBelow(long offers) {
    long before = fewBelow;
    fewBelow = offers;
    fewOffers.clear();
    return before;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] arguments = invocation.getArgs();
    MappedStatement statement = (MappedStatement) arguments[0];
    if (!PAGE.equals(statement.getId())
        || !(arguments[1] instanceof TaskQueryImpl query)
        || !AuthorizationQueries.checksItself(query.getAuthCheck())
        || !AuthorizationQueries.repeatsOncePerGroupOffer(query)) {
      return invocation.proceed();
    }
    long limit = fewBelow;
    if (limit <= 0) {
      return invocation.proceed();
    }
    Executor executor = (Executor) invocation.getTarget();
    Configuration mybatis = statement.getConfiguration();
    List<String> groups = List.copyOf(query.getCandidateGroups());
    Boolean few = fewOffers.get(groups);
    if (few == null) {
      List<Object> offers = executor.query(mybatis.getMappedStatement(COUNT_OFFERS),
          Map.of("groups", groups, "limit", limit), RowBounds.DEFAULT,
          Executor.NO_RESULT_HANDLER);
      few = ((Number) offers.get(0)).longValue() < limit;
      fewOffers.put(groups, few);
    }
    if (!few) {
      return invocation.proceed();
    }
    String page = AuthorizationQueries.offerOrder(query) != null ? OFFERS_PAGE : FEW_OFFERS_PAGE;
    return executor.query(mybatis.getMappedStatement(page), query,
        (RowBounds) arguments[2], (ResultHandler<?>) arguments[3]);
  }
}
