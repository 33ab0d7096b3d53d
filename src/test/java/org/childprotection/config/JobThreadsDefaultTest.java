package org.childprotection.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Without JOB_THREADS the job executor takes half the cores, at least one thread. */
class JobThreadsDefaultTest extends PlatformTest {

  @Autowired
  Environment environment;

  @Test
  void halfTheCoresAtLeastOne() {
    assertThat(JobThreadsDefault.threadsFor(1)).isEqualTo(1);
    assertThat(JobThreadsDefault.threadsFor(2)).isEqualTo(1);
    assertThat(JobThreadsDefault.threadsFor(3)).isEqualTo(1);
    assertThat(JobThreadsDefault.threadsFor(8)).isEqualTo(4);
  }

  @Test
  void theAppsJobExecutorGetsTheDefault() {
    int expected = System.getenv("JOB_THREADS") == null
        ? JobThreadsDefault.threadsFor(Runtime.getRuntime().availableProcessors())
        : Integer.parseInt(System.getenv("JOB_THREADS"));
    assertThat(environment.getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class))
        .isEqualTo(expected);
    assertThat(environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class))
        .isEqualTo(expected);
  }
}
