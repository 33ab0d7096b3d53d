package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The platform's MyBatis interceptors wrap the executor, whose queries they read, and hand every
 * other object MyBatis offers them back as it is.
 */
@Tag("no-database")
class ExecutorInterceptorTest {

  @Test
  void onlyTheExecutorIsWrapped() {
    Executor executor = stand(Executor.class);
    StatementHandler handler = stand(StatementHandler.class);
    for (Interceptor interceptor : new Interceptor[] {
        new FewOffersFirst(10_000, Duration.ofSeconds(10), Instant::now),
        new LargeTaskCounts(1000, Duration.ofSeconds(10), Instant::now)}) {
      assertThat(interceptor.plugin(handler)).as(interceptor.getClass().getSimpleName())
          .isSameAs(handler);
      Object wrapped = interceptor.plugin(executor);
      assertThat(wrapped).as(interceptor.getClass().getSimpleName()).isNotSameAs(executor)
          .isInstanceOf(Executor.class);
      assertThat(Proxy.isProxyClass(wrapped.getClass())).isTrue();
    }
  }

  /** An object of the interface that does nothing: only its type matters here. */
  private static <T> T stand(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, arguments) -> null));
  }
}
