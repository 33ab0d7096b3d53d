package org.childprotection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.childprotection.MinorProtectionApplication;

/**
 * The app as a separate operating-system process (its own JVM, started with the test
 * classpath), so that a test can kill it as a crash does: {@link #kill()} sends SIGKILL, nothing
 * in the app gets to run. It runs with the demo users on the PostgreSQL database it is given,
 * with the job executor on and the webapps off; its output is appended to
 * {@code target/app-logs/<name>.log} (the app logs no personal data).
 *
 * <p>The test-only environment post-processors are on its classpath too: the environment set
 * here names the database and turns the stand-in court off (the court works in Tasklist, as
 * without COURT_URL); the loopback webhook then runs inside the child and answers it.
 */
public final class AppProcess implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "app-logs");
  private static final long START_TIMEOUT_MILLIS = 180_000;
  /** Every child still alive, killed when the test JVM exits however it exits. */
  private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final String databaseUrl;
  private final List<String> settings;
  private final int port;
  private Process process;

  private AppProcess(String name, String databaseUrl, List<String> settings) {
    this.name = name;
    this.databaseUrl = databaseUrl;
    this.settings = List.copyOf(settings);
    this.port = freePort();
  }

  /**
   * Starts the app and waits until it is ready.
   *
   * @param name names the log file and the engine's host name (the job log's HOSTNAME_)
   * @param settings Spring properties, as {@code key=value}
   */
  public static AppProcess start(String name, String databaseUrl, List<String> settings) {
    AppProcess app = new AppProcess(name, databaseUrl, settings);
    app.launch();
    app.awaitReady();
    return app;
  }

  /** Starts the app without waiting; {@link #awaitReady()} waits. */
  public static AppProcess launch(String name, String databaseUrl, List<String> settings) {
    AppProcess app = new AppProcess(name, databaseUrl, settings);
    app.launch();
    return app;
  }

  /** Starts it again on the same database and port, after {@link #kill()}, and waits. */
  public void restart() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
    awaitReady();
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** A demo user, whose password equals the user id. */
  public Http as(String user) {
    return Http.as(port, user, user);
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL, as a crash or an OOM killer: no shutdown hook, no transaction finishes. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ALIVE.remove(process);
  }

  @Override
  public void close() {
    kill();
  }

  private void launch() {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Small and quick to start: two or three of these share a small machine with the build.
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
        "-Dfile.encoding=UTF-8",
        "-cp", classpath,
        MinorProtectionApplication.class.getName(),
        "--server.port=" + port,
        "--spring.profiles.active=demo,postgres",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--minor-protection.demo.cases-enabled=false",
        "--spring.jmx.enabled=false"));
    settings.forEach(setting -> command.add("--" + setting));
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log");
      Files.writeString(log, "==== start of " + name + " on port " + port + " ====\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> environment = builder.environment();
      environment.put("POSTGRES_URL", databaseUrl);
      environment.put("POSTGRES_USER", "postgres");
      environment.put("POSTGRES_PASSWORD", "postgres");
      environment.put("COURT_URL", "");
      environment.remove("SERVER_PORT");
      environment.remove("SPRING_PROFILES_ACTIVE");
      process = builder.start();
      ALIVE.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Polls the readiness probe, as a load balancer does. */
  public void awaitReady() {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    Http probe = Http.anonymous(port);
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue()
            + " while starting; see " + LOGS.resolve(name + ".log"));
      }
      try {
        if (probe.get("/actuator/health/readiness").status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // the port opens late in the start-up
      }
      sleep(250);
    }
    kill();
    throw new IllegalStateException(name + " not ready within " + START_TIMEOUT_MILLIS + " ms");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
