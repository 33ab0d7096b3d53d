package org.childprotection.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Concurrent clients calling for a while, and the figures they see. */
final class LoadMeasurement {

  /** One call of one client; true when the answer was the expected success. */
  @FunctionalInterface
  interface Call {
    boolean call(int client, long sequence) throws Exception;
  }

  /** What the clients saw: successes per second and failures. */
  record Rate(double perSecond, long successes, long failures, double seconds) {}

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private LoadMeasurement() {}

  /**
   * {@code clients} threads call as fast as they can for the given time; a call counts when
   * it finished inside the window.
   */
  static Rate rate(int clients, double seconds, Call call) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong successes = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int id = client;
        running.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            boolean ok;
            try {
              ok = call.call(id, SEQUENCE.incrementAndGet());
            } catch (Exception e) {
              ok = false;
            }
            if (System.nanoTime() <= end) {
              (ok ? successes : failures).incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Rate(successes.get() / elapsed, successes.get(), failures.get(), elapsed);
  }

  /** Latencies in milliseconds, and their median and 95th percentile. */
  static final class Latencies {
    private final List<Double> millis = new ArrayList<>();

    synchronized void add(long startNanos) {
      millis.add((System.nanoTime() - startNanos) / 1e6);
    }

    synchronized int count() {
      return millis.size();
    }

    double median() {
      return percentile(50);
    }

    double p95() {
      return percentile(95);
    }

    synchronized double percentile(double p) {
      if (millis.isEmpty()) {
        return Double.NaN;
      }
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
  }
}
