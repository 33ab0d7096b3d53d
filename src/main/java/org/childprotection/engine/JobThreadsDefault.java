package org.childprotection.engine;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The job executor's thread count when {@code JOB_THREADS} is not set: half the machine's cores,
 * at least one (property {@value #PROPERTY}, used in {@code application.yaml}). The other half
 * stays with the caseworkers' requests and, on one machine, the database: on two cores one job
 * thread ran a timer storm faster than two (477 against 398 jobs/s) and kept a caseworker's
 * completion at 1.4 times its quiet time instead of 2.1 (README, "Benchmarks").
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
