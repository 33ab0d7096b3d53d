package org.childprotection.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
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

  private static final String PLANTED = IdNumber.withCheckCharacter("32010620160229" + "417");

  /**
   * The value is submitted beside the form's answers, which pass the form's check (an answer
   * outside the form's options is refused before any delegate sees it), and the scoring
   * delegate fails on it, quoting it.
   */
  @Test
  void aSubmittedValueQuotedByAFailingDelegateStaysOutOfTheLog(CapturedOutput log) {
    PersonalData.idNumber(PLANTED);
    String instance = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    String task = drive.task(instance, "assessFamily").getId();
    Map<String, Object> variables = new HashMap<>();
    CaseFixtures.greenAnswers()
        .forEach((name, value) -> variables.put(name, Map.of("value", value)));
    variables.put("riskLevel", Map.of("value", "等级 " + PLANTED));

    Http.Response refused = as("gulou").postJson("/engine-rest/task/" + task + "/submit-form",
        Map.of("variables", variables));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
    assertThat(refused.body()).as("the caller sees what they typed").contains(PLANTED);
    assertThat(log.getAll()).doesNotContain(PLANTED)
        .contains("Engine command SubmitTaskFormCmd failed: java.lang.IllegalArgumentException");
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
