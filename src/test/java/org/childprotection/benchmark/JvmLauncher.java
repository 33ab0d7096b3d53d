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
    return launch(command, name, Path.of("."));
  }

  /** Starts the command in the folder, its output in {@code target/benchmarks/<name>.log}. */
  static Process launch(List<String> command, String name, Path folder) throws IOException {
    Path log = logFile(name).toAbsolutePath();
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
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

  /**
   * The classes and runtime dependencies of the Maven project in the folder, as Maven resolves
   * them: for the platform without the tests' classes and libraries, which the quick start does
   * not have. The bare app is compiled first; the platform has been by this build.
   */
  static String mavenClasspath(Path project, boolean compile) throws Exception {
    Path dependencies = project.resolve("target").resolve("runtime-classpath.txt")
        .toAbsolutePath();
    List<String> goals = new ArrayList<>(List.of("dependency:build-classpath",
        "-DincludeScope=runtime", "-Dmdep.outputFile=" + dependencies));
    if (compile) {
      goals.add(0, "compile");
    }
    // Offline first: the platform's own build has fetched what the bare app needs.
    if (maven(project, true, goals) != 0 && maven(project, false, goals) != 0) {
      throw new IllegalStateException("Maven could not resolve " + project + "; see "
          + logFile("maven"));
    }
    return project.resolve("target").resolve("classes").toAbsolutePath() + File.pathSeparator
        + Files.readString(dependencies).strip();
  }

  private static int maven(Path project, boolean offline, List<String> goals) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(goals);
    Files.createDirectories(logFile("maven").getParent());
    return new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(logFile("maven").toFile()).start().waitFor();
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
