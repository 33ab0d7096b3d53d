package org.childprotection.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;
import org.childprotection.support.PersonalData;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A failure whose message quotes personal data leaves the data out of the log: the engine's
 * failed commands, its REST API's 5xx and 4xx, are logged as exception classes and places.
 * The value planted here is a valid ID number, so the privacy scan would find it as well.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureLogPrivacyTest extends PlatformTest {

  private static final String PROBE = "failure-log-probe";
  private static final String PLANTED = IdNumber.withCheckCharacter("32010620160229" + "417");

  /**
   * A step whose Java code fails quoting what the caller typed: the platform's own delegates
   * refuse bad values without quoting them, so a probe process stands in for any code that
   * does (a library's parse error, a future delegate).
   */
  @Test
  void aSubmittedValueQuotedByAFailingDelegateStaysOutOfTheLog(CapturedOutput log) {
    PersonalData.idNumber(PLANTED);
    String deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE)
            .camundaHistoryTimeToLive(1).startEvent().userTask("answer").name("填写")
            .serviceTask("quote").camundaClass(QuotingDelegate.class.getName()).endEvent()
            .done())
        .deploy().getId();
    try {
      String instance =
          engine.getRuntimeService().startProcessInstanceByKey(PROBE, Map.of("district", "gulou")).getId();
      String task = drive.task(instance, "answer").getId();

      Http.Response refused = as("demo").postJson("/engine-rest/task/" + task + "/submit-form",
          Map.of("variables", Map.of("note", Map.of("value", "等级 " + PLANTED))));

      assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
      assertThat(refused.body()).as("the caller sees what they typed").contains(PLANTED);
      assertThat(log.getAll()).doesNotContain(PLANTED)
          .contains("Engine command SubmitTaskFormCmd failed: java.lang.IllegalArgumentException");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /** Fails as careless code does: with the value in the message. */
  public static class QuotingDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalArgumentException("cannot read " + execution.getVariable("note"));
    }
  }

  @Test
  void aValueInAnEngineCallsFailureStaysOutOfTheLog(CapturedOutput log) {
    PersonalData.idNumber(PLANTED);
    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey("child-" + PLANTED)).hasMessageContaining(PLANTED);
    Http.Response unknown = as("center").postJson(
        "/engine-rest/process-definition/key/child-" + PLANTED + "/start", "{}");
    assertThat(unknown.status()).isEqualTo(404);

    assertThat(log.getAll()).doesNotContain(PLANTED)
        .contains("Engine command StartProcessInstanceCmd failed");
  }
}
