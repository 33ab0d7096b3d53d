package org.childprotection.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.support.Probe;
import org.childprotection.support.SeparateApp;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The quick start keeps its state across a restart, and a restart deploys nothing new. */
class RestartTest {

  @Test
  void stateSurvivesARestartAndUnchangedModelsAreNotRedeployed() {
    String database = TestDatabase.freshDatabaseUrl();
    Probe probe = Probe.unique();
    String instanceId;
    long deployments;
    long definitions;
    try (ConfigurableApplicationContext app = SeparateApp.start(database, "demo")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      new ModelDeployer(engine.getRepositoryService(), "restart-test")
          .deploy(List.of(probe.process(), probe.form()));
      instanceId = engine.getRuntimeService()
          .startProcessInstanceByKey(probe.processKey(), Map.of("district", "gulou")).getId();
      deployments = engine.getRepositoryService().createDeploymentQuery().count();
      definitions = engine.getRepositoryService().createProcessDefinitionQuery().count()
          + engine.getRepositoryService().createDecisionDefinitionQuery().count();
    }

    try (ConfigurableApplicationContext app = SeparateApp.start(database, "demo")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult().getTenantId()).isEqualTo("gulou");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count())
          .isEqualTo(1);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(deployments);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()
          + engine.getRepositoryService().createDecisionDefinitionQuery().count())
          .isEqualTo(definitions);
    }
  }
}
