package org.childprotection.benchmark;

import static org.childprotection.benchmark.Figure.format;
import static org.childprotection.benchmark.PlatformBenchmark.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
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
    int port = JvmLauncher.freePort();
    List<String> command = JvmLauncher.java("org.childprotection.MinorProtectionApplication",
        false);
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + TestDatabase.freshDatabaseUrl());
    command.add("--spring.profiles.active=" + String.join(",", Benchmarks.profiles()));
    command.add("--minor-protection.demo.cases-enabled=true");
    command.add("--camunda.bpm.job-execution.enabled=true");
    return timeToReady(command, "app", JvmLauncher.appReady(port));
  }

  private static Started startBare() throws Exception {
    String url = TestDatabase.freshDatabaseUrl();
    List<String> command = JvmLauncher.java(BareEngine.class.getName(), true);
    command.add(url);
    command.add(TestDatabase.isPostgres() ? "postgres" : "sa");
    command.add(TestDatabase.isPostgres() ? "postgres" : "");
    Path log = JvmLauncher.logFile("bare-engine");
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
    Process process = JvmLauncher.launch(command, name);
    try {
      JvmLauncher.awaitReady(process, name, ready);
      double seconds = (System.nanoTime() - started) / 1e9;
      Thread.sleep(SETTLE_SECONDS * 1000L);
      return new Started(seconds, residentMb(process));
    } finally {
      process.destroy();
      process.waitFor();
    }
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
}
