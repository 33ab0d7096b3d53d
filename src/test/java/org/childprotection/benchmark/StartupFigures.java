package org.childprotection.benchmark;

import static org.childprotection.benchmark.Figure.format;
import static org.childprotection.benchmark.PlatformBenchmark.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;

/**
 * Figure 5: how long the quick start (demo users and demo cases) takes until it is ready, and
 * how much memory it then holds, against a bare Camunda app ({@code bench/bare-engine}: nothing
 * but the starter, the webapps and engine-rest, history full). Each runs as its own JVM with the
 * same flags, from its Maven runtime classpath, on a fresh database of the same kind, in rounds
 * alternating bare app and platform so that the machine's noise hits both alike; the ratios are
 * of the medians.
 */
final class StartupFigures {

  private static final Path BARE_APP = Path.of("bench", "bare-engine");
  private static final List<String> JVM_FLAGS = List.of("-Xmx1g");
  private static final int ROUNDS = Benchmarks.setting("startup-rounds", 3);
  private static final int SETTLE_SECONDS = Benchmarks.setting("settle-seconds", 15);
  private static final double GOAL = 1.5;

  private StartupFigures() {}

  static void measure(List<Figure> figures) throws Exception {
    App bare = new App("bare-app", "probe.App", JvmLauncher.mavenClasspath(BARE_APP, true),
        "/engine-rest/engine", List.of());
    App platform = new App("platform", "org.childprotection.MinorProtectionApplication",
        JvmLauncher.mavenClasspath(Path.of("."), false), "/actuator/health/readiness",
        List.of("--spring.profiles.active=" + String.join(",", Benchmarks.profiles())));
    List<Started> bareRounds = new ArrayList<>();
    List<Started> platformRounds = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      bareRounds.add(bare.start());
      platformRounds.add(platform.start());
      log("start-up round %d: platform %s; bare app %s", round,
          platformRounds.get(round - 1), bareRounds.get(round - 1));
    }
    double bareSeconds = median(bareRounds, Started::seconds);
    double platformSeconds = median(platformRounds, Started::seconds);
    double bareMb = median(bareRounds, Started::residentMb);
    double platformMb = median(platformRounds, Started::residentMb);
    figures.add(Figure.withGoal("5a. Start-up to ready, median of " + ROUNDS,
        format("%.1f s", platformSeconds), format("%.1f s bare Camunda app", bareSeconds),
        platformSeconds / bareSeconds, "≤ " + GOAL, platformSeconds / bareSeconds <= GOAL));
    figures.add(Figure.withGoal("5b. Resident memory after start-up, median of " + ROUNDS,
        format("%.0f MB", platformMb), format("%.0f MB bare Camunda app", bareMb),
        platformMb / bareMb, "≤ " + GOAL, platformMb / bareMb <= GOAL));
  }

  private record Started(double seconds, double cpuSeconds, long residentMb) {

    @Override
    public String toString() {
      return format("%.1f s to ready (%.1f s CPU), %d MB resident", seconds, cpuSeconds,
          residentMb);
    }
  }

  /** One of the two apps: how to launch it and how it says that it is ready. */
  private record App(String name, String mainClass, String classpath, String readyPath,
      List<String> arguments) {

    /**
     * Launches it on a fresh database, waits until it answers {@code readyPath} with 200, lets
     * it settle and reads its resident memory; stops it.
     */
    Started start() throws Exception {
      int port = JvmLauncher.freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_FLAGS);
      command.addAll(List.of("-cp", classpath, mainClass, "--server.port=" + port,
          "--spring.datasource.url=" + TestDatabase.freshDatabaseUrl()));
      if (TestDatabase.isPostgres()) {
        command.addAll(List.of("--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres"));
      }
      command.addAll(arguments);
      Http http = Http.anonymous(port);
      long started = System.nanoTime();
      Process process = JvmLauncher.launch(command, name, Files.createTempDirectory(name));
      try {
        JvmLauncher.awaitReady(process, name, () -> answers(http));
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = process.info().totalCpuDuration().orElseThrow().toMillis() / 1e3;
        Thread.sleep(SETTLE_SECONDS * 1000L);
        return new Started(seconds, cpuSeconds, residentMb(process));
      } finally {
        process.destroy();
        process.waitFor();
      }
    }

    private boolean answers(Http http) {
      try {
        return http.get(readyPath).status() == 200;
      } catch (RuntimeException notListeningYet) {
        return false;
      }
    }
  }

  private static double median(List<Started> rounds, ToDoubleFunction<Started> figure) {
    double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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
