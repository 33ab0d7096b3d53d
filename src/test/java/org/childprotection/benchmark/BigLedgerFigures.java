package org.childprotection.benchmark;

import static org.childprotection.benchmark.Figure.format;
import static org.childprotection.benchmark.PlatformBenchmark.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.childprotection.MinorProtectionApplication;
import org.childprotection.discovery.LedgerFiles;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;

/**
 * Figures 4c and 4d: a ledger of a million rows imported by the quick start running in a JVM of
 * its own with a small heap, the file streamed to it from disk: whether the import completes and
 * how many rows a second it gets through, and the heap the app used meanwhile, from its GC log
 * (the heap in use when each collection began, and what was left when it ended).
 */
final class BigLedgerFigures {

  private static final String APP = "big-ledger-app";
  private static final int HEAP_MB = 512;
  /** A collection in the GC log: the heap in use before it and after it, in MB. */
  private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

  private BigLedgerFigures() {}

  static void measure(List<Figure> figures, int atRiskOneIn) throws Exception {
    int rows = Benchmarks.setting("big-ledger-rows", 1_000_000);
    Path file = Files.createTempFile("bench-big-ledger", ".csv");
    Path gcLog = JvmLauncher.logFile(APP + "-gc").toAbsolutePath();
    try {
      LedgerFiles.write(file, rows, "320113", atRiskOneIn);
      double readPerSecond = LedgerFiles.readingRate(file);
      int port = JvmLauncher.freePort();
      Files.deleteIfExists(gcLog);
      // Out of memory, the app stops at once, rather than limping on with its import unfinished.
      List<String> command = JvmLauncher.java(MinorProtectionApplication.class.getName(), false,
          "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog);
      command.addAll(BenchApp.arguments(TestDatabase.freshDatabaseUrl(), port));
      command.add("--spring.profiles.active=" + String.join(",", Benchmarks.profiles()));
      Process app = JvmLauncher.launch(command, APP);
      try {
        JvmLauncher.awaitReady(app, APP, JvmLauncher.appReady(port));
        long collectionsBefore = collections(gcLog).size();
        long started = System.nanoTime();
        String outcome;
        try {
          JsonNode report = LedgerFiles.imported(Http.as(port, "qixia", "qixia"), file);
          outcome = report.get("status").asText().equals("DONE")
              && report.get("accepted").asInt() == rows
              ? null : "import ended " + report.get("status").asText();
          log("big ledger: %,d rows, %,d cases opened", rows, report.get("casesOpened").asInt());
        } catch (RuntimeException e) {
          if (app.isAlive()) {
            throw e;
          }
          outcome = "the app exited with " + app.exitValue() + " (see "
              + JvmLauncher.logFile(APP) + ")";
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<int[]> during = collections(gcLog);
        during = during.subList((int) collectionsBefore, during.size());
        int usedMb = during.stream().mapToInt(c -> c[0]).max().orElse(0);
        int leftMb = during.stream().mapToInt(c -> c[1]).max().orElse(0);
        double perSecond = rows / elapsed;
        log("big ledger: %s in %.1f s (%.0f rows/s; reading alone %.0f rows/s); heap at most "
            + "%d MB in use, %d MB left after a collection (%d collections)",
            outcome == null ? "done" : outcome, elapsed, perSecond, readPerSecond, usedMb,
            leftMb, during.size());
        figures.add(Figure.withGoal(format("4c. Ledger import, %,d rows, -Xmx%dm", rows,
                HEAP_MB), outcome == null ? format("%.0f rows/s", perSecond) : outcome,
            format("%.0f rows/s reading the file alone", readPerSecond),
            perSecond / readPerSecond, "completes", outcome == null));
        figures.add(Figure.recorded(format("4d. Ledger import, %,d rows: peak heap", rows),
            format("%d MB in use, %d MB left after a collection", usedMb, leftMb),
            format("-Xmx%dm", HEAP_MB), usedMb / (double) HEAP_MB));
      } finally {
        app.destroy();
        app.waitFor();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Each collection so far: the heap in use before it and after it, in MB. */
  private static List<int[]> collections(Path gcLog) throws IOException {
    return Files.readAllLines(gcLog, StandardCharsets.UTF_8).stream()
        .map(COLLECTION::matcher).filter(Matcher::find)
        .map(m -> new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
        .toList();
  }
}
