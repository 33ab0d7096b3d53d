package org.childprotection.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every SQLException that the app's JDBC calls throw, on either database, including those the
 * caller catches and moves on from (a row mapper probing for a column): the app's DataSource is
 * wrapped so that each connection, statement and result set it hands out notes what its calls
 * threw. PostgreSQL's driver throws such exceptions silently; H2's also writes each to its trace
 * file.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlExceptions {

  private static final Set<Class<?>> WRAPPED = Set.of(Connection.class, Statement.class,
      PreparedStatement.class, CallableStatement.class, ResultSet.class, DatabaseMetaData.class);

  private static final List<String> THROWN = new CopyOnWriteArrayList<>();

  @Bean
  static BeanPostProcessor sqlExceptionsOfTheDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
      }
    };
  }

  /** The SQLExceptions thrown while {@code work} ran (by any thread), as method: message. */
  public static List<String> thrownDuring(Runnable work) {
    int before = THROWN.size();
    work.run();
    return new ArrayList<>(THROWN.subList(before, THROWN.size()));
  }

  private static DataSource wrap(DataSource dataSource) {
    // Keeps the pool's close(), which Spring calls when the context ends.
    Class<?>[] types = dataSource instanceof AutoCloseable
        ? new Class<?>[] {DataSource.class, AutoCloseable.class}
        : new Class<?>[] {DataSource.class};
    return (DataSource) Proxy.newProxyInstance(SqlExceptions.class.getClassLoader(), types,
        new Noting(dataSource));
  }

  private record Noting(Object target) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("equals") && method.getParameterCount() == 1) {
        return proxy == args[0];
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException thrown) {
          THROWN.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": "
              + thrown.getMessage());
        }
        throw e.getCause();
      }
      Class<?> type = method.getReturnType();
      return result != null && WRAPPED.contains(type) && handsDown(method)
          ? Proxy.newProxyInstance(SqlExceptions.class.getClassLoader(), new Class<?>[] {type},
              new Noting(result))
          : result;
    }

    /**
     * Whether the call hands out an object below this one, which is wrapped in its turn. What
     * leads back up or out (a statement's connection, a result set's statement, the driver's own
     * object) is returned as the driver has it, as callers compare it with what they hold.
     */
    private boolean handsDown(Method method) {
      return switch (method.getName()) {
        case "getConnection" -> target instanceof DataSource;
        case "getStatement", "unwrap" -> false;
        default -> true;
      };
    }
  }
}
