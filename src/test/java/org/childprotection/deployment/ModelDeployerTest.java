package org.childprotection.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.Probe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelDeployerTest extends PlatformTest {

  private RepositoryService repository;
  private ModelDeployer deployer;
  private Probe probe;

  @BeforeEach
  void setUp() {
    repository = engine.getRepositoryService();
    probe = Probe.unique();
    deployer = new ModelDeployer(repository, "deployer-test-" + probe.processKey());
  }

  @Test
  void deploysEverythingTheFirstTimeAndNothingWhenUnchanged() {
    Deployment first = deployer.deploy(List.of(probe.process(), probe.form())).orElseThrow();
    assertThat(resourceNames(first)).containsExactlyInAnyOrder(
        probe.process().name(), probe.form().name());

    assertThat(deployer.deploy(List.of(probe.process(), probe.form()))).isEmpty();
    assertThat(processVersions()).isEqualTo(1);
  }

  @Test
  void aChangedProcessIsOneNewVersionThatStillFindsItsForm() {
    deployer.deploy(List.of(probe.process(), probe.form()));

    Deployment second = deployer.deploy(List.of(probe.process("处理（修订）"), probe.form()))
        .orElseThrow();

    assertThat(processVersions()).isEqualTo(2);
    assertThat(resourceNames(second)).contains(probe.form().name());
    Task task = taskOfNewInstance();
    assertThat(task.getName()).isEqualTo("处理（修订）");
    assertThat(deployedForm(task)).contains("\"备注\"");
  }

  @Test
  void aChangedFormReachesNewInstancesWhileRunningOnesKeepTheirs() {
    deployer.deploy(List.of(probe.process(), probe.form()));
    Task before = taskOfNewInstance();

    deployer.deploy(List.of(probe.process(), probe.form("情况说明"))).orElseThrow();

    Task after = taskOfNewInstance();
    assertThat(deployedForm(after)).contains("\"情况说明\"");
    assertThat(deployedForm(before)).contains("\"备注\"").doesNotContain("情况说明");
    assertThat(processVersions()).isEqualTo(2);
  }

  @Test
  void anUnrelatedChangeLeavesOtherProcessesAlone() {
    Probe other = Probe.unique();
    deployer.deploy(List.of(probe.process(), probe.form(), other.process(), other.form()));

    deployer.deploy(List.of(probe.process(), probe.form(), other.process("改名"), other.form()));

    assertThat(processVersions()).isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery()
        .processDefinitionKey(other.processKey()).count()).isEqualTo(2);
  }

  private long processVersions() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(probe.processKey())
        .count();
  }

  private Task taskOfNewInstance() {
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(probe.processKey(), Map.of("district", "gulou"));
    return engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult();
  }

  private String deployedForm(Task task) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> resourceNames(Deployment deployment) {
    return repository.getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).toList();
  }
}
