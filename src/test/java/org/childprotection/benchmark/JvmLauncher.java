package org.childprotection.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;

/**
 * Starts a JVM of its own for the benchmark, as an operator would start it, its output in
 * {@code target/benchmarks/<name>.log}.
 */
final class JvmLauncher {

  private JvmLauncher() {}

  /**
   * The command line of a JVM running the main class on the test's classpath: without
   * test-classes, the app's own, whose test-only set-up (a stand-in court, a webhook receiver)
   * the quick start does not have.
   */
  static List<String> java(String mainClass, boolean withTestClasses, String... jvmOptions) {
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    if (!withTestClasses) {
      classpath = String.join(File.pathSeparator, List.of(classpath.split(File.pathSeparator))
          .stream().filter(entry -> !entry.endsWith("test-classes")).toList());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    return command;
  }

  static Process launch(List<String> command, String name) throws IOException {
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

  /** Waits until the process says it is ready; fails when it dies or takes over 5 minutes. */
  static void awaitReady(Process process, String name, BooleanSupplier ready)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not become ready; see " + logFile(name));
      }
      Thread.sleep(50);
    }
  }

  /** The app's readiness probe answers 200 (a load balancer's test). */
  static BooleanSupplier appReady(int port) {
    Http http = Http.anonymous(port);
    return () -> {
      try {
        return http.get("/actuator/health/readiness").status() == 200;
      } catch (RuntimeException notListeningYet) {
        return false;
      }
    };
  }

  static Path logFile(String name) {
    return Path.of("target", "benchmarks", name + ".log");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
