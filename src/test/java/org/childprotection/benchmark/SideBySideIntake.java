package org.childprotection.benchmark;

import static org.childprotection.benchmark.Figure.format;
import static org.childprotection.benchmark.PlatformBenchmark.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.childprotection.support.TestDatabase;

/**
 * Figure 1c: the intake against a truly bare Camunda app, each in a JVM of its own on a fresh
 * database of the same kind, driven by an external load generator in alternating rounds. It
 * runs {@code bench/intake-side-by-side.sh} (which needs Debian's {@code wrk}, and {@code psql}
 * on PostgreSQL) with the platform on its Maven runtime classpath, and reads the script's last
 * line; the script's whole output goes to {@code target/benchmarks/intake-side-by-side.log}.
 */
final class SideBySideIntake {

  private static final Path SCRIPT = Path.of("bench", "intake-side-by-side.sh");
  private static final Pattern RESULT =
      Pattern.compile("^ratio ([\\d.]+) bare ([\\d.]+)/s platform ([\\d.]+)/s$", Pattern.MULTILINE);
  private static final Pattern CPU = Pattern.compile(
      "^CPU per call \\(medians\\): bare ([\\d.]+) ms, platform ([\\d.]+) ms", Pattern.MULTILINE);
  private static final int SECONDS = Benchmarks.setting("side-by-side-seconds", 20);
  private static final int ROUNDS = Benchmarks.setting("side-by-side-rounds", 3);
  private static final double GOAL = 0.6;

  private SideBySideIntake() {}

  static void measure(List<Figure> figures) throws Exception {
    String platform = JvmLauncher.mavenClasspath(Path.of("."), false);
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "unused.jar",
        String.valueOf(SECONDS), String.valueOf(ROUNDS),
        TestDatabase.isPostgres() ? "pg" : "h2"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(JvmLauncher.logFile("intake-side-by-side").toAbsolutePath().toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PLATFORM_CLASSPATH", platform);
    environment.put("BENCH_WORK", Path.of("target", "side-by-side").toAbsolutePath().toString());
    environment.put("BARE_PORT", String.valueOf(JvmLauncher.freePort()));
    environment.put("PLATFORM_PORT", String.valueOf(JvmLauncher.freePort()));
    if (TestDatabase.isPostgres()) {
      // Two fresh databases on the benchmark's own server, not the machine's cluster.
      environment.put("BARE_DB_URL", TestDatabase.freshDatabaseUrl());
      environment.put("PLATFORM_DB_URL", TestDatabase.freshDatabaseUrl());
      environment.put("DB_USER", "postgres");
      environment.put("DB_PASSWORD", "postgres");
    }
    Files.createDirectories(JvmLauncher.logFile("intake-side-by-side").getParent());
    int exit = builder.start().waitFor();
    String output = Files.readString(JvmLauncher.logFile("intake-side-by-side"),
        StandardCharsets.UTF_8);
    Matcher result = RESULT.matcher(output);
    if (exit != 0 || !result.find()) {
      throw new IllegalStateException("the side-by-side intake failed (exit " + exit + "); see "
          + JvmLauncher.logFile("intake-side-by-side"));
    }
    output.lines().filter(line -> line.startsWith("round ") || line.startsWith("database work")
        || line.startsWith("CPU per call")).forEach(line -> log("side by side: %s", line));
    double ratio = Double.parseDouble(result.group(1));
    Matcher cpu = CPU.matcher(output);
    String perCall = cpu.find()
        ? format(" (CPU per call %s ms against %s ms)", cpu.group(2), cpu.group(1)) : "";
    figures.add(Figure.withGoal(
        format("1c. Intake beside a bare Camunda app: separate JVMs, wrk, median of %d rounds",
            ROUNDS),
        format("%s reports/s%s", result.group(3), perCall),
        format("%s starts/s bare Camunda app", result.group(2)), ratio, "≥ " + GOAL,
        ratio >= GOAL));
  }

  /** Fails at once, before the long figures, when a tool the script needs is missing. */
  static void requireTools() throws IOException, InterruptedException {
    for (String tool : TestDatabase.isPostgres() ? List.of("wrk", "psql") : List.of("wrk")) {
      if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
        throw new IllegalStateException("figure 1c needs " + tool
            + " (Debian: apt-get install wrk postgresql-client); leave intake-side-by-side out"
            + " of bench.figures to measure without it");
      }
    }
  }
}
