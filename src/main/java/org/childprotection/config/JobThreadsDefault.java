package org.childprotection.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The job executor's thread count when {@code JOB_THREADS} is not set: half the machine's cores,
 * at least one (property {@value #PROPERTY}, used in {@code application.yaml}). The other half
 * stays with the caseworkers' requests and, on one machine, the database: on a small machine
 * more job threads contend for the same cores and rows, so a timer storm runs slower and a
 * caseworker waits longer (measured: docs/benchmark-results.md).
 */
public class JobThreadsDefault implements EnvironmentPostProcessor {

  static final String PROPERTY = "minor-protection.job-threads-default";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource("jobThreadsDefault",
        Map.of(PROPERTY, threadsFor(Runtime.getRuntime().availableProcessors()))));
  }

  static int threadsFor(int cores) {
    return Math.max(1, cores / 2);
  }
}
