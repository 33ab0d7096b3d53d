package org.childprotection.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.childprotection.config.ExpiringMemory;

/**
 * Task counts of long lists, remembered for a few seconds. Counting a list reads every task in
 * it: the protection center's 本组待办 with 80,000 triages took 285 ms a count, where the page
 * itself takes 30 ms, and Tasklist asks for the count with every page and for every filter in
 * its list. A count of at least {@code largeFrom} tasks is taken again for
 * {@code rememberFor} from memory; smaller counts are always exact, so that a worker who claims
 * one of a handful of tasks sees the number drop at once. A remembered count is known by the
 * statement's SQL and every one of its parameters (the caller, the caller's groups and tenants,
 * the filter's criteria), so a caller never sees a count made for another.
 *
 * <p>It wraps the MyBatis executor's queries of one statement,
 * {@code AuthorizationQueries.countTasksVisibleToCaller}; see docs/engine-patches.md.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class LargeTaskCounts implements ExecutorInterceptor {

  static final String STATEMENT = AuthorizationQueries.NAMESPACE + ".countTasksVisibleToCaller";
  /** Memory bound: the least recently used count goes first. */
  private static final int MAX_COUNTS = 10_000;

  private final long largeFrom;
  private final ExpiringMemory<CacheKey, List<?>> counts;

  /** @param now the engine's time, which tests move */
  LargeTaskCounts(long largeFrom, Duration rememberFor, Supplier<Instant> now) {
    this.largeFrom = largeFrom;
    this.counts = new ExpiringMemory<>(MAX_COUNTS, rememberFor, now);
  }

  /** Installs it in the engine's MyBatis configuration, once; off when rememberFor is zero. */
  static void install(Configuration mybatis, long largeFrom, Duration rememberFor,
      Supplier<Instant> now) {
    if (!rememberFor.isZero() && mybatis.getInterceptors().stream()
        .noneMatch(LargeTaskCounts.class::isInstance)) {
      mybatis.addInterceptor(new LargeTaskCounts(largeFrom, rememberFor, now));
    }
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] arguments = invocation.getArgs();
    MappedStatement statement = (MappedStatement) arguments[0];
    if (!STATEMENT.equals(statement.getId())) {
      return invocation.proceed();
    }
    // MyBatis's own key of a query (statement, bounds, SQL and every bound parameter's value),
    // and the SQL built once for the key and the query.
    Executor executor = (Executor) invocation.getTarget();
    Object parameter = arguments[1];
    RowBounds bounds = (RowBounds) arguments[2];
    BoundSql sql = statement.getBoundSql(parameter);
    CacheKey key = executor.createCacheKey(statement, parameter, bounds, sql);
    List<?> known = counts.get(key);
    if (known != null) {
      return known;
    }
    List<?> answer = executor.query(statement, parameter, bounds,
        (ResultHandler<?>) arguments[3], key, sql);
    if (answer.size() == 1 && answer.get(0) instanceof Number count
        && count.longValue() >= largeFrom) {
      counts.put(key, List.copyOf(answer));
    }
    return answer;
  }
}
