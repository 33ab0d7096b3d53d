package org.childprotection.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC against the database the app processes share: the reliability tests check the
 * registry's and the engine's tables themselves, not what an app says about them.
 */
final class Database implements AutoCloseable {

  private final Connection connection;

  Database(String url) {
    try {
      connection = DriverManager.getConnection(url, "postgres", "postgres");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql, Object... params) {
    return ((Number) single(sql, params)).longValue();
  }

  Object single(String sql, Object... params) {
    List<Object> column = column(sql, params);
    if (column.size() != 1) {
      throw new IllegalStateException(column.size() + " rows for " + sql);
    }
    return column.get(0);
  }

  /** The first column of every row. */
  List<Object> column(String sql, Object... params) {
    return rows(sql, params).stream().map(row -> row.values().iterator().next()).toList();
  }

  List<Map<String, Object>> rows(String sql, Object... params) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns; c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  int update(String sql, Object... params) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * Waits until the job executors have nothing left that is due (asynchronous steps, timers
   * due within {@code horizonSeconds}), or fails after the timeout. Jobs without retries are
   * left to the caller's assertions.
   */
  void awaitJobsDrained(int horizonSeconds, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    String pending = "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL "
        + "OR duedate_ < localtimestamp + ? * INTERVAL '1 second')";
    while (count(pending, horizonSeconds) > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("jobs still due after " + timeoutMillis + " ms: "
            + rows("SELECT type_, handler_type_, duedate_, lock_owner_, lock_exp_time_, "
                + "retries_ FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR "
                + "duedate_ < localtimestamp + ? * INTERVAL '1 second')", horizonSeconds));
      }
      Thread.sleep(500);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
