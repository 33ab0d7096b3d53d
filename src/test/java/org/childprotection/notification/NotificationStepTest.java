package org.childprotection.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.TestModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A notification step names its recipient and template as extension properties; the recipient
 * may be an expression. A step of an older model version, which mapped them as input
 * parameters, still sends. The key that makes a retried send deliver once is the step's own job.
 */
class NotificationStepTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void theStepsPropertiesNameRecipientAndTemplateAnExpressionIncluded() {
    String caseNumber = run("""
        <camunda:properties>
          <camunda:property name="recipient" value="district-${district}" />
          <camunda:property name="template" value="ESCALATION_VISIT" />
        </camunda:properties>""");
    assertThat(outbox(caseNumber))
        .isEqualTo("district-qixia|督促检查：走访超时（案件 " + caseNumber + "）");
  }

  @Test
  void aStepOfAnOlderModelVersionWithInputMappingsStillSends() {
    String caseNumber = run("""
        <camunda:inputOutput>
          <camunda:inputParameter name="recipient">education</camunda:inputParameter>
          <camunda:inputParameter name="template">CASE_OPENED</camunda:inputParameter>
        </camunda:inputOutput>""");
    assertThat(outbox(caseNumber)).startsWith("education|");
  }

  @Test
  void aStepWithoutRecipientFailsAndSendsNothing() {
    assertThatThrownBy(() -> run("""
        <camunda:properties>
          <camunda:property name="template" value="CASE_OPENED" />
        </camunda:properties>""")).hasMessageContaining("names no recipient");
  }

  @Test
  void anAsynchronousStepIsKeyedByItsOwnJobAndAStepReachedByAnotherJobByItsActivity() {
    String own = run("camunda:asyncBefore=\"true\"", "", PROPERTIES);
    Job job = engine.getManagementService().createJobQuery().processDefinitionKey(own)
        .activityId("notify").singleResult();
    engine.getManagementService().executeJob(job.getId());
    assertThat(outboxKey(own)).isEqualTo("job:" + job.getId());

    String after = run("", "camunda:asyncBefore=\"true\"", PROPERTIES);
    Job before = engine.getManagementService().createJobQuery().processDefinitionKey(after)
        .activityId("wait").singleResult();
    engine.getManagementService().executeJob(before.getId());
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(after).singleResult().getId();
    String activityInstance = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processDefinitionId(definition).activityId("notify").singleResult().getId();
    assertThat(outboxKey(after)).isEqualTo("activity:" + activityInstance);
  }

  private static final String PROPERTIES = """
      <camunda:properties>
        <camunda:property name="recipient" value="education" />
        <camunda:property name="template" value="CASE_OPENED" />
      </camunda:properties>""";

  /** Deploys a one-step process with the given extension elements and runs it; its key. */
  private String run(String extensions) {
    return run("", "", extensions);
  }

  /**
   * The same, with attributes for the step and for a task that runs just before it ({@code
   * wait}, which does nothing).
   */
  private String run(String stepAttributes, String waitAttributes, String extensions) {
    String key = TestModels.deploy(engine, "notify", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="wait" />
        <bpmn:serviceTask id="wait" camunda:expression="${true}" %s />
        <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="notify" />
        <bpmn:serviceTask id="notify" camunda:delegateExpression="${notificationDelegate}" %s>
          <bpmn:extensionElements>%s</bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="end" />
        <bpmn:endEvent id="end" />""".formatted(waitAttributes, stepAttributes, extensions));
    engine.getRuntimeService().startProcessInstanceByKey(key, key,
        Map.of("district", "qixia"));
    return key;
  }

  private String outboxKey(String caseNumber) {
    return jdbc.sql("SELECT idempotency_key FROM notification "
            + "WHERE case_number = ? AND channel = 'OUTBOX'")
        .param(caseNumber).query(String.class).single();
  }

  private String outbox(String caseNumber) {
    return jdbc.sql("SELECT recipient || '|' || subject FROM notification "
            + "WHERE case_number = ? AND channel = 'OUTBOX'")
        .param(caseNumber).query(String.class).single();
  }
}
