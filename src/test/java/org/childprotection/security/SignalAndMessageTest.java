package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signal reaches instances in every district, so only administrators may send one through the
 * engine REST API; a message moves no case for a district's or a member unit's worker, neither
 * another district's nor their own.
 */
class SignalAndMessageTest extends PlatformTest {

  private String key;
  private String gulou;
  private String qixia;

  @BeforeEach
  void casesWaitingInTwoDistricts() {
    key = "waiting-" + UUID.randomUUID().toString().substring(0, 8);
    engine.getRepositoryService().createDeployment().name(key)
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("awaitSignal").signal(key + "-signal")
            .intermediateCatchEvent("awaitMessage").message(key + "-message")
            .userTask("work").endEvent().done())
        .deploy();
    gulou = start("gulou");
    qixia = start("qixia");
  }

  @Test
  void onlyAdministratorsMaySendSignals() {
    for (String user : List.of("gulou", "qixia", "education", "police", "center", "supervisor")) {
      for (String body : List.of("{\"name\":\"" + key + "-signal\"}",
          "{\"name\":\"" + key + "-signal\",\"executionId\":\"" + gulou + "\"}", "{}", "")) {
        assertThat(as(user).postJson("/engine-rest/signal", body).status())
            .as(user + " " + body).isEqualTo(403);
      }
    }
    assertThat(waitingAt(gulou)).isEqualTo("awaitSignal");
    assertThat(waitingAt(qixia)).isEqualTo("awaitSignal");

    assertThat(as("demo").postJson("/engine-rest/signal", "{\"name\":\"" + key + "-signal\"}")
        .status()).isEqualTo(204);
    assertThat(waitingAt(gulou)).isEqualTo("awaitMessage");
    assertThat(waitingAt(qixia)).isEqualTo("awaitMessage");
  }

  @Test
  void aWorkerMovesNoCaseWithAMessage() {
    engine.getRuntimeService().signalEventReceived(key + "-signal");
    String message = key + "-message";
    for (String user : List.of("gulou", "education")) {
      for (Map<String, Object> body : List.of(Map.<String, Object>of("messageName", message),
          Map.<String, Object>of("messageName", message, "all", true),
          Map.<String, Object>of("messageName", message, "processInstanceId", gulou),
          Map.<String, Object>of("messageName", message, "processInstanceId", qixia),
          Map.<String, Object>of("messageName", message, "tenantId", "gulou", "all", true))) {
        Http.Response answer = as(user).postJson("/engine-rest/message", body);
        assertThat(answer.status()).as(user + " " + body + " " + answer).isGreaterThanOrEqualTo(400);
      }
    }
    assertThat(waitingAt(gulou)).isEqualTo("awaitMessage");
    assertThat(waitingAt(qixia)).isEqualTo("awaitMessage");
  }

  private String start(String district) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("district", district))
        .getId();
  }

  private String waitingAt(String instance) {
    List<String> activities = engine.getRuntimeService().getActiveActivityIds(instance);
    assertThat(activities).hasSize(1);
    return activities.get(0);
  }
}
