package org.childprotection.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.childprotection.support.Http;

/**
 * Ledger files for the benchmark: writing one, reading it without importing it (its baseline),
 * and importing it through the API.
 */
public final class LedgerFiles {

  private LedgerFiles() {}

  /**
   * Writes a 栖霞区 ledger in UTF-8 CSV of so many distinct made-up children, one in
   * {@code atRiskOneIn} at risk (those open cases), as a district's yearly ledger might look. It
   * is written row by row: a ledger of a million rows needs no memory of its size.
   */
  public static void write(Path file, int rows, String regionCode, int atRiskOneIn)
      throws IOException {
    LocalDate firstBirthday = LocalDate.now().minusYears(3);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(Ledgers.csvLine(LedgerColumns.HEADER));
      for (int i = 0; i < rows; i++) {
        out.write(Ledgers.csvLine(Ledgers.row("台帐" + i,
            Ledgers.idNumber(regionCode, firstBirthday, i), i % atRiskOneIn == 0)));
      }
    }
  }

  /**
   * Rows per second reading the file as the import does, and doing nothing more with them (a
   * first read warms up).
   */
  public static double readingRate(Path file) {
    readOnly(file);
    long started = System.nanoTime();
    long rows = readOnly(file);
    return rows / ((System.nanoTime() - started) / 1e9);
  }

  /** Reads every row of the file; the number of data rows. */
  private static long readOnly(Path file) {
    AtomicLong rows = new AtomicLong();
    LedgerFile.read(file, file.getFileName().toString(), (number, cells) -> rows.incrementAndGet());
    return rows.get() - 1;
  }

  /**
   * Uploads the file, streamed from disk, as 栖霞区's ledger, and waits until its import has
   * ended; the import's final report.
   */
  public static JsonNode imported(Http qixia, Path file) throws InterruptedException {
    Http.Response accepted = qixia.postMultipartFromDisk("/api/ledgers",
        Map.of("district", "qixia"), "file", file.getFileName().toString(), file);
    if (accepted.status() != 202) {
      throw new IllegalStateException("ledger upload answered " + accepted);
    }
    String report = "/api/ledgers/" + accepted.json().get("id").asText();
    JsonNode status;
    while ((status = qixia.get(report).json()).get("status").asText().equals("RUNNING")) {
      Thread.sleep(500);
    }
    return status;
  }
}
