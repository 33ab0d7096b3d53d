package org.childprotection.engine;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * A page of the tasks offered to a user's groups (本组待办), read from the groups' offers when
 * they have few. The page is sorted by due date; PostgreSQL reads it along the due-date index and
 * checks each task it passes, which is quick when the groups' tasks are among the first due (the
 * center's triages) and reads the whole table when they come last: a district's assessments fall
 * due after every triage and first contact, and its page took 124 ms at 100,000 open cases where
 * it took 14 ms at 1,000. No index or statistic tells the database how the due dates fall, so the
 * choice is made here, per page: the groups' offers are counted up to {@code fewBelow}, and a
 * page of groups with fewer is read with {@code selectTasksOfferedToFewGroups}, which reads all
 * their offers and sorts them. Both statements return the same tasks (AuthorizationQueriesTest).
 *
 * <p>It wraps the MyBatis executor's queries of {@code selectTasksVisibleToCaller}; see
 * docs/engine-patches.md.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class FewOffersFirst implements Interceptor {

  static final String PAGE = AuthorizationQueries.NAMESPACE + ".selectTasksVisibleToCaller";
  static final String FEW_OFFERS_PAGE =
      AuthorizationQueries.NAMESPACE + ".selectTasksOfferedToFewGroups";
  static final String COUNT_OFFERS = AuthorizationQueries.NAMESPACE + ".countOffersUpTo";

  private volatile long fewBelow;

  FewOffersFirst(long fewBelow) {
    this.fewBelow = fewBelow;
  }

  /** Installs it in the engine's MyBatis configuration, once; off when fewBelow is zero. */
  static void install(Configuration mybatis, long fewBelow) {
    if (fewBelow > 0 && mybatis.getInterceptors().stream()
        .noneMatch(FewOffersFirst.class::isInstance)) {
      mybatis.addInterceptor(new FewOffersFirst(fewBelow));
    }
  }

  /**
   * Tests compare both statements with the engine's: 0 reads every page along the index.
   * Returns the setting it replaces.
   */
  long readOffersFirstBelow(long offers) {
    long before = fewBelow;
    fewBelow = offers;
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
    Executor executor = (Executor) invocation.getTarget();
    Configuration mybatis = statement.getConfiguration();
    long limit = fewBelow;
    if (limit <= 0) {
      return invocation.proceed();
    }
    List<Object> offers = executor.query(mybatis.getMappedStatement(COUNT_OFFERS),
        Map.of("groups", query.getCandidateGroups(), "limit", limit), RowBounds.DEFAULT,
        Executor.NO_RESULT_HANDLER);
    if (((Number) offers.get(0)).longValue() >= limit) {
      return invocation.proceed();
    }
    return executor.query(mybatis.getMappedStatement(FEW_OFFERS_PAGE), query,
        (RowBounds) arguments[2], (ResultHandler<?>) arguments[3]);
  }
}
