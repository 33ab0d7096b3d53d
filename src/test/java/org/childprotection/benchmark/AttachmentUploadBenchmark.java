package org.childprotection.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.childprotection.organisation.District;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How much heap a 20 MB attachment costs on its way in and out (issue 15): the upload must not
 * hold the file in memory twice (the goal: live heap growing by less than twice the file).
 * The app runs as in {@link PlatformBenchmark} on a fresh database (an H2 file, or a new
 * database on the embedded PostgreSQL server). Embedded H2 keeps the pages it wrote in its page
 * cache in the app's heap (64 MB by default), which would be counted as the upload's; on H2 the
 * cache is therefore set to 1 MB, so that the figure shows what the upload itself holds.
 * The client streams the file from disk and
 * discards what it downloads, so the app's heap is what grows. While a transfer runs, a sampler
 * collects garbage every few milliseconds and records the heap in use after each collection:
 * the live data, not garbage waiting for a collection. Run with
 * {@code mvn -P bench test -Dtest=AttachmentUploadBenchmark}; it prints its figures.
 */
@Tag("benchmark")
class AttachmentUploadBenchmark {

  private static final int MIB = 1024 * 1024;
  private final int megabytes = Benchmarks.setting("attachment-mb", 20);
  private final int sampleMillis = Benchmarks.setting("attachment-sample-ms", 20);

  @Test
  void measure() throws Exception {
    Path file = Files.createTempFile("attachment-bench-", ".pdf");
    String database = TestDatabase.freshDatabaseUrl();
    if (!TestDatabase.isPostgres()) {
      database += ";CACHE_SIZE=1024";
    }
    try (BenchApp app = BenchApp.start(database)) {
      int size = megabytes * MIB;
      String sha256 = writePdf(file, size);
      Http center = Http.as(app.port(), "center", "center");
      Http.Response opened = center.postJson("/api/reports",
          Benchmarks.reportBody(District.GULOU, "基准儿童"));
      assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
      String caseNumber = opened.json().get("caseNumber").asText();
      Http gulou = Http.as(app.port(), "gulou", "gulou");
      String uploads = "/api/cases/" + caseNumber + "/attachments";

      // Warm-up: the code paths loaded and compiled before anything is measured.
      Path small = Files.createTempFile("attachment-bench-", ".pdf");
      writePdf(small, MIB);
      for (int i = 0; i < 3; i++) {
        upload(gulou, uploads, small);
      }
      Files.delete(small);

      Sample upload = sampled(() -> {
        Http.Response answer = upload(gulou, uploads, file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains(sha256);
        return answer.header("Location");
      });
      String location = (String) upload.result();
      Sample download = sampled(() -> {
        String received = download("http://localhost:" + app.port() + location);
        assertThat(received).isEqualTo(sha256);
        return received;
      });

      print(size, upload, download);
      assertThat(upload.liveGrowth()).as("live heap growth of a %d MB upload", megabytes)
          .isLessThan(2L * size);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Sample(Object result, long baseline, long livePeak, long usedPeak,
      long millis) {

    long liveGrowth() {
      return Math.max(0, livePeak - baseline);
    }

    long usedGrowth() {
      return Math.max(0, usedPeak - baseline);
    }
  }

  private interface Transfer {
    Object run() throws Exception;
  }

  /** Runs the transfer while a sampler collects garbage and records the heap in use. */
  private Sample sampled(Transfer transfer) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = liveHeap(memory);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong livePeak = new AtomicLong(baseline);
    AtomicLong usedPeak = new AtomicLong(baseline);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        usedPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        memory.gc();
        livePeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(sampleMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    long start = System.nanoTime();
    sampler.start();
    Object result;
    try {
      result = transfer.run();
    } finally {
      running.set(false);
      sampler.join();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Sample(result, baseline, livePeak.get(), usedPeak.get(), millis);
  }

  private static long liveHeap(MemoryMXBean memory) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      memory.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  /** A PDF's start and end around random (incompressible) bytes; its SHA-256. */
  private static String writePdf(Path file, int size) throws Exception {
    byte[] start = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    Random random = new Random(15);
    try (var out = Files.newOutputStream(file)) {
      byte[] chunk = new byte[64 * 1024];
      out.write(start);
      sha256.update(start);
      long left = size - start.length - end.length;
      while (left > 0) {
        random.nextBytes(chunk);
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        sha256.update(chunk, 0, n);
        left -= n;
      }
      out.write(end);
      sha256.update(end);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** A multipart upload whose file part is read from disk as it is sent. */
  private static Http.Response upload(Http gulou, String path, Path file) {
    return gulou.postMultipartFromDisk(path, Map.of("kind", "OTHER"), "file", "bench.pdf", file);
  }

  /** Downloads and discards the content; its SHA-256. */
  private static String download(String url) throws Exception {
    HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("gulou")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(answer.statusCode()).isEqualTo(200);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(answer.body(), sha256)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private void print(int size, Sample upload, Sample download) {
    System.out.printf("%n## Attachments on %s: a %d MB file (%,d bytes)%n%n", Benchmarks.database(),
        megabytes, size);
    System.out.println("| transfer | time | live heap growth | ratio to the file | heap in use, "
        + "garbage included | ratio |");
    System.out.println("|---|---|---|---|---|---|");
    for (var row : new Object[][] {{"upload", upload}, {"download", download}}) {
      Sample sample = (Sample) row[1];
      System.out.printf("| %s | %,d ms | %.1f MB | %.2f | %.1f MB | %.2f |%n", row[0],
          sample.millis(), sample.liveGrowth() / (double) MIB,
          sample.liveGrowth() / (double) size, sample.usedGrowth() / (double) MIB,
          sample.usedGrowth() / (double) size);
    }
    System.out.println();
  }
}
