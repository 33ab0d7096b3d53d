package org.childprotection.engine;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.Reflector;
import org.apache.ibatis.reflection.invoker.Invoker;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.childprotection.config.ExpiringMemory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The two look-ups of a definition that every new case made in the database, remembered for a
 * few seconds: the latest version of the process by its key (each start) and a timer's job
 * definition (each timer the start creates: the triage deadline and the coming of age). They
 * were three of the intake's 59 statements and 8 % of its request threads' time in a profile
 * (issue 19); the deployed model itself the engine keeps in memory already.
 *
 * <p>What is remembered is the row as MyBatis read it, known by the statement, its SQL and every
 * parameter (the caller's tenants among them); a command gets a copy of its own, property by
 * property of the statement's result map, so no two commands ever share an entity, and a command
 * that changes its copy writes it with the engine's optimistic lock. Any write of a process or
 * job definition on this node (a deployment, a suspension, a job priority) forgets everything at
 * once; another node's write is seen after at most {@code rememberFor}: for so long a node may
 * start a case on the version before a new deployment, or create a timer active whose job
 * definition another node has just suspended. docs/engine-patches.md has it.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "update",
        args = {MappedStatement.class, Object.class})})
final class DefinitionLookups implements ExecutorInterceptor {

  /** The statements' ids without their namespace. */
  static final Set<String> REMEMBERED = Set.of(
      "selectLatestProcessDefinitionByKey", "selectJobDefinition");
  private static final int MAX_LOOKUPS = 1_000;

  private final ExpiringMemory<CacheKey, List<?>> rows;
  /** How many times everything was forgotten. */
  private final AtomicLong forgotten = new AtomicLong();
  /** How to copy the entities of each result map, by its id. */
  private final Map<String, Copier> copiers = new ConcurrentHashMap<>();
  /** Transactions that wrote a definition and have not ended yet. */
  private final AtomicInteger writing = new AtomicInteger();

  /** @param now the engine's time, which tests move */
  DefinitionLookups(Duration rememberFor, Supplier<Instant> now) {
    this.rows = new ExpiringMemory<>(MAX_LOOKUPS, rememberFor, now);
  }

  /** Installs it in the engine's MyBatis configuration, once; off when rememberFor is zero. */
  static void install(Configuration mybatis, Duration rememberFor, Supplier<Instant> now) {
    if (!rememberFor.isZero() && mybatis.getInterceptors().stream()
        .noneMatch(DefinitionLookups.class::isInstance)) {
      mybatis.addInterceptor(new DefinitionLookups(rememberFor, now));
    }
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] arguments = invocation.getArgs();
    MappedStatement statement = (MappedStatement) arguments[0];
    String id = statement.getId();
    if ("update".equals(invocation.getMethod().getName())) {
      if (id.contains("ProcessDefinition") || id.contains("JobDefinition")) {
        written();
      }
      return invocation.proceed();
    }
    if (!REMEMBERED.contains(id.substring(id.lastIndexOf('.') + 1))) {
      return invocation.proceed();
    }
    Executor executor = (Executor) invocation.getTarget();
    Object parameter = arguments[1];
    RowBounds bounds = (RowBounds) arguments[2];
    BoundSql sql = statement.getBoundSql(parameter);
    CacheKey key = executor.createCacheKey(statement, parameter, bounds, sql);
    List<?> known = rows.get(key);
    if (known == null) {
      long before = forgotten.get();
      List<?> read = executor.query(statement, parameter, bounds,
          (ResultHandler<?>) arguments[3], key, sql);
      // Not what was read before a write that came meanwhile; and the engine keeps the
      // entities it is given in the command's cache and may change them: a copy is kept.
      if (forgotten.get() == before && writing.get() == 0) {
        rows.put(key, copies(statement, read));
      }
      return read;
    }
    return copies(statement, known);
  }

  /**
   * A definition was written: everything is forgotten now, and nothing is remembered until the
   * transaction has ended (others read the row before the write until it commits; the writer
   * reads its own, which nobody else may see before then); then everything is forgotten again.
   */
  private void written() {
    forget();
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
    writing.incrementAndGet();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(DefinitionLookups.this);
        writing.decrementAndGet();
        forget();
      }
    });
  }

  private void forget() {
    forgotten.incrementAndGet();
    rows.clear();
  }

  /** New entities with every property the statement's result map reads. */
  List<Object> copies(MappedStatement statement, List<?> entities) throws Exception {
    ResultMap map = statement.getResultMaps().get(0);
    Copier copier = copiers.computeIfAbsent(map.getId(),
        id -> Copier.of(statement.getConfiguration(), map));
    List<Object> copies = new ArrayList<>(entities.size());
    for (Object entity : entities) {
      copies.add(copier.copy(entity));
    }
    return copies;
  }

  /**
   * Copies an entity along a result map with MyBatis's own accessors of its properties, found
   * once per result map (a MetaObject per entity took 2 % of the intake's request threads).
   */
  private record Copier(Constructor<?> constructor, List<Invoker> getters,
      List<Invoker> setters) {

    static Copier of(Configuration configuration, ResultMap map) {
      Reflector reflector = configuration.getReflectorFactory().findForClass(map.getType());
      List<Invoker> getters = new ArrayList<>();
      List<Invoker> setters = new ArrayList<>();
      for (ResultMapping property : map.getPropertyResultMappings()) {
        getters.add(reflector.getGetInvoker(property.getProperty()));
        setters.add(reflector.getSetInvoker(property.getProperty()));
      }
      return new Copier(reflector.getDefaultConstructor(), List.copyOf(getters),
          List.copyOf(setters));
    }

    Object copy(Object entity) throws Exception {
      Object copy = constructor.newInstance();
      Object[] value = new Object[1];
      for (int i = 0; i < getters.size(); i++) {
        value[0] = getters.get(i).invoke(entity, null);
        setters.get(i).invoke(copy, value);
      }
      return copy;
    }
  }
}
