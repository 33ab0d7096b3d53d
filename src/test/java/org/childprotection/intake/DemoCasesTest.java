package org.childprotection.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.childprotection.support.SeparateApp;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quick start's demo cases, made once the app is ready while the job executor runs, each
 * at its stage.
 */
class DemoCasesTest {

  @Test
  void theDemoCasesAreMadeOnceTheAppIsReadyEachAtItsStage() {
    try (ConfigurableApplicationContext app = SeparateApp.start(TestDatabase.freshDatabaseUrl(),
        "demo", "minor-protection.demo.cases-enabled=true",
        "camunda.bpm.job-execution.enabled=true")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
      while (engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("guardianship-transfer").count() == 0
          && Instant.now().isBefore(deadline)) {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }

      assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single())
          .isEqualTo(6);
      TaskService tasks = engine.getTaskService();
      assertThat(tasks.createTaskQuery().taskDefinitionKey("handleReferral").tenantIdIn("qixia")
          .count()).as("栖霞's case referred to health and education").isEqualTo(2);
      assertThat(tasks.createTaskQuery().taskDefinitionKey("caseConference")
          .tenantIdIn("jiangning").count()).as("江宁's case waits for its conference")
          .isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("guardianship-transfer").tenantIdIn("gulou").count())
          .as("鼓楼's guardianship intervention").isEqualTo(1);
    }
  }
}
