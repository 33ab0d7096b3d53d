package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The latest process definition and timers' job definitions are read once for a few seconds:
 * another node's change (played by writing the rows with plain SQL, past the engine) is seen
 * when that time has run out, this node's own change at once; and no two commands share an
 * entity. In the running engine, with its own deployments and starts.
 */
class DefinitionLookupsTest extends PlatformTest {

  private static final String PROCESS = "definition-lookups-probe";

  @Autowired
  JdbcTemplate jdbc;

  @Value("${minor-protection.engine.remember-definitions-for}")
  Duration rememberFor;

  private RepositoryService repository;
  private RuntimeService runtime;

  @BeforeEach
  void probeDeployed() {
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    deploy("核查");
  }

  @AfterEach
  void clockBack() {
    ClockUtil.reset();
  }

  @Test
  void anotherNodesSuspensionIsSeenWhenTheRememberedDefinitionRunsOut() {
    start();
    jdbc.update("UPDATE ACT_RE_PROCDEF SET SUSPENSION_STATE_ = 2 WHERE KEY_ = ?", PROCESS);

    assertThat(start().getId())
        .as("the definition as it was read a moment ago").isNotNull();

    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime()
        + rememberFor.toMillis()));
    assertThatThrownBy(() -> start())
        .as("read again").isInstanceOf(SuspendedEntityInteractionException.class);
    jdbc.update("UPDATE ACT_RE_PROCDEF SET SUSPENSION_STATE_ = 1 WHERE KEY_ = ?", PROCESS);
  }

  @Test
  void thisNodesDeploymentAndSuspensionCountAtOnce() {
    start();

    repository.suspendProcessDefinitionByKey(PROCESS);
    assertThatThrownBy(() -> start())
        .isInstanceOf(SuspendedEntityInteractionException.class);
    repository.activateProcessDefinitionByKey(PROCESS);

    int version = deploy("复核");
    String started = start().getProcessDefinitionId();
    assertThat(repository.getProcessDefinition(started).getVersion())
        .as("the new version").isEqualTo(version);
  }

  @Test
  void aSuspendedJobDefinitionsTimersAreSuspendedAtOnceOnThisNodeAndLaterFromAnother() {
    JobDefinition deadline = engine.getManagementService().createJobDefinitionQuery()
        .processDefinitionId(latestId()).singleResult();
    assertThat(timerOf(start().getId()).isSuspended())
        .isFalse();

    engine.getManagementService().suspendJobDefinitionById(deadline.getId());
    assertThat(timerOf(start().getId()).isSuspended())
        .as("this node's suspension").isTrue();
    engine.getManagementService().activateJobDefinitionById(deadline.getId());
    assertThat(timerOf(start().getId()).isSuspended())
        .isFalse();

    jdbc.update("UPDATE ACT_RU_JOBDEF SET SUSPENSION_STATE_ = 2 WHERE ID_ = ?",
        deadline.getId());
    assertThat(timerOf(start().getId()).isSuspended())
        .as("another node's suspension, not yet seen").isFalse();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime()
        + rememberFor.toMillis()));
    assertThat(timerOf(start().getId()).isSuspended())
        .as("seen").isTrue();
    jdbc.update("UPDATE ACT_RU_JOBDEF SET SUSPENSION_STATE_ = 1 WHERE ID_ = ?",
        deadline.getId());
  }

  @Test
  void everyCommandGetsAnEntityOfItsOwnWithEveryProperty() {
    String id = engine.getManagementService().createJobDefinitionQuery()
        .processDefinitionId(latestId()).singleResult().getId();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobDefinitionEntity first = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getJobDefinitionManager().findById(id));
    JobDefinitionEntity second = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getJobDefinitionManager().findById(id));

    assertThat(second).isNotSameAs(first);
    assertThat(second).usingRecursiveComparison().isEqualTo(first);
    assertThat(second.getActivityId()).isEqualTo("deadline");
    assertThat(second.getProcessDefinitionKey()).isEqualTo(PROCESS);
    assertThat(second.getRevision()).isEqualTo(first.getRevision()).isPositive();

    ProcessDefinitionEntity latest = configuration.getCommandExecutorTxRequired().execute(
        context -> context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(PROCESS));
    ProcessDefinitionEntity again = configuration.getCommandExecutorTxRequired().execute(
        context -> context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(PROCESS));
    assertThat(again).isNotSameAs(latest);
    assertThat(again).usingRecursiveComparison().isEqualTo(latest);
    assertThat(again.getId()).isEqualTo(latestId());
    assertThat(again.getName()).isEqualTo("定义探针");
    assertThat(again.getHistoryTimeToLive()).isEqualTo(1);
  }

  @Test
  void itIsInstalledOnceAndNotAtAllWhenSwitchedOff() {
    Configuration fresh = new Configuration();
    DefinitionLookups.install(fresh, Duration.ZERO, ClockUtil.now()::toInstant);
    assertThat(fresh.getInterceptors()).isEmpty();
    DefinitionLookups.install(fresh, rememberFor, ClockUtil.now()::toInstant);
    DefinitionLookups.install(fresh, rememberFor, ClockUtil.now()::toInstant);
    assertThat(fresh.getInterceptors()).hasSize(1);
    Configuration running = ((ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
    assertThat(running.getInterceptors()).filteredOn(DefinitionLookups.class::isInstance)
        .hasSize(1);
  }

  /** Deploys a version of the probe whose task has the name; its version. */
  private int deploy(String taskName) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("定义探针")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("check").name(taskName)
        .boundaryEvent("deadline").timerWithDuration("P1D")
        .endEvent()
        .moveToActivity("check").endEvent()
        .done();
    String deployment = repository.createDeployment().name("definition lookups probe")
        .addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
        .getVersion();
  }

  /** A start, as a case's: in a district (the tenant). */
  private ProcessInstance start() {
    return runtime.startProcessInstanceByKey(PROCESS, Map.of("district", "gulou"));
  }

  private String latestId() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .latestVersion().singleResult().getId();
  }

  private Job timerOf(String instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance)
        .singleResult();
  }
}
