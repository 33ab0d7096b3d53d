package org.childprotection.benchmark;

import static org.childprotection.benchmark.Figure.format;
import static org.childprotection.benchmark.PlatformBenchmark.log;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;

/**
 * Figure 5: how long the quick start takes until it is ready, and how much memory it then
 * holds, against a bare Camunda engine started the same way on the same kind of database. Both
 * run as their own JVM, as an operator would start them.
 */
final class StartupFigures {

  private static final int SETTLE_SECONDS = Benchmarks.setting("settle-seconds", 15);

  private StartupFigures() {}

  static void measure(List<Figure> figures) throws Exception {
    Started bare = startBare();
    Started app = startApp();
    log("start-up: app %.1f s, %d MB resident; bare engine %.1f s, %d MB resident",
        app.seconds(), app.residentMb(), bare.seconds(), bare.residentMb());
    figures.add(Figure.recorded("5a. Start-up of the quick start",
        format("%.1f s to ready", app.seconds()),
        format("%.1f s bare Camunda engine", bare.seconds()), app.seconds() / bare.seconds()));
    figures.add(Figure.recorded("5b. Steady-state memory (resident)",
        format("%d MB", app.residentMb()), format("%d MB bare Camunda engine", bare.residentMb()),
        app.residentMb() / (double) bare.residentMb()));
  }

  private record Started(double seconds, long residentMb) {}

  private static Started startApp() throws Exception {
    int port = freePort();
    // The app's own classpath: without test-classes, whose test-only set-up (a stand-in court,
    // a webhook receiver) the quick start does not have.
    List<String> command = java("org.childprotection.MinorProtectionApplication", false);
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + TestDatabase.freshDatabaseUrl());
    command.add("--spring.profiles.active=" + String.join(",", Benchmarks.profiles()));
    command.add("--minor-protection.demo.cases-enabled=true");
    command.add("--camunda.bpm.job-execution.enabled=true");
    Http http = Http.anonymous(port);
    return timeToReady(command, "app", () -> {
      try {
        return http.get("/actuator/health/readiness").status() == 200;
      } catch (RuntimeException notListeningYet) {
        return false;
      }
    });
  }

  private static Started startBare() throws Exception {
    String url = TestDatabase.freshDatabaseUrl();
    List<String> command = java(BareEngine.class.getName(), true);
    command.add(url);
    command.add(TestDatabase.isPostgres() ? "postgres" : "sa");
    command.add(TestDatabase.isPostgres() ? "postgres" : "");
    Path log = logFile("bare-engine");
    return timeToReady(command, "bare-engine", () -> {
      try {
        return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("READY");
      } catch (IOException e) {
        return false;
      }
    });
  }

  /**
   * Launches the command, waits until it says it is ready, lets it settle and reads its
   * resident memory; stops it.
   */
  private static Started timeToReady(List<String> command, String name, BooleanSupplier ready)
      throws Exception {
    long started = System.nanoTime();
    Process process = launch(command, name);
    try {
      long deadline = started + Duration.ofMinutes(5).toNanos();
      while (!ready.getAsBoolean()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(name + " did not become ready; see " + logFile(name));
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Thread.sleep(SETTLE_SECONDS * 1000L);
      return new Started(seconds, residentMb(process));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static List<String> java(String mainClass, boolean withTestClasses) {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    if (!withTestClasses) {
      classpath = String.join(java.io.File.pathSeparator, List.of(classpath.split(
          java.io.File.pathSeparator)).stream().filter(entry -> !entry.endsWith("test-classes"))
          .toList());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    return command;
  }

  private static Process launch(List<String> command, String name) throws IOException {
    Path log = logFile(name);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    if (TestDatabase.isPostgres()) {
      // The postgres profile reads these; the URL itself is given as an argument.
      builder.environment().put("POSTGRES_URL", "unused");
      builder.environment().put("POSTGRES_USER", "postgres");
      builder.environment().put("POSTGRES_PASSWORD", "postgres");
    }
    return builder.start();
  }

  private static Path logFile(String name) {
    return Path.of("target", "benchmarks", name + ".log");
  }

  /** VmRSS of the process, from /proc. */
  private static long residentMb(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()),
        "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + process.pid());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
