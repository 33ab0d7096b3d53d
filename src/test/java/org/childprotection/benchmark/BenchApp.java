package org.childprotection.benchmark;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.MinorProtectionApplication;
import org.childprotection.support.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app under measurement, started in the benchmark's JVM as the quick start has it (demo
 * users, webapps, job executor on) but on a fresh database of its own and without demo cases.
 */
final class BenchApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private BenchApp(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static BenchApp start(String databaseUrl, String... settings) {
    List<String> args = new ArrayList<>(arguments(databaseUrl, 0));
    for (String setting : settings) {
      args.add("--" + setting);
    }
    return new BenchApp(new SpringApplicationBuilder(MinorProtectionApplication.class)
        .profiles(Benchmarks.profiles())
        .run(args.toArray(String[]::new)));
  }

  /** The app's command-line arguments under measurement, in this JVM or in one of its own. */
  static List<String> arguments(String databaseUrl, int port) {
    return List.of(
        "--spring.datasource.url=" + databaseUrl,
        "--server.port=" + port,
        "--camunda.bpm.job-execution.enabled=true",
        "--minor-protection.demo.cases-enabled=false",
        // The app's own setting, which the tests' configuration turns off.
        "--minor-protection.task-counts.remember-large-for=PT10S",
        // As the quick start: no webhook receiver, the court offline (tasks in Tasklist). The
        // tests' loopback webhook and stand-in court would otherwise be measured too.
        "--minor-protection.notification.webhook.url=",
        "--minor-protection.court.url=",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN");
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(context.getBean(DataSource.class));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** A demo user (password = user id) calling with HTTP Basic. */
  Http as(String user) {
    return Http.as(port(), user, user);
  }

  /** A user logged in to Tasklist, calling the webapp's engine API with its session. */
  Http tasklistSession(String user) {
    Http session = Http.anonymous(port());
    Http.Response login = session.loginToWebapp("tasklist", user, user);
    if (login.status() != 200) {
      throw new IllegalStateException("Tasklist login failed: " + login.status());
    }
    return session;
  }

  @Override
  public void close() {
    context.close();
  }
}
