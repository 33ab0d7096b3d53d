package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ActivityTypes;
import org.junit.jupiter.api.Test;

/** Which activities' history rows are left out: gateways the path passed, nothing else. */
class LeanHistoryEventHandlerTest {

  @Test
  void gatewaysThatDoNotWaitForAnEventArePassedThrough() {
    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.GATEWAY_EXCLUSIVE)).isTrue();
    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.GATEWAY_PARALLEL)).isTrue();
    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.GATEWAY_INCLUSIVE)).isTrue();
    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.GATEWAY_COMPLEX)).isTrue();

    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.GATEWAY_EVENT_BASED))
        .as("it waits").isFalse();
    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.TASK_USER_TASK)).isFalse();
    assertThat(LeanHistoryEventHandler.passedThrough(ActivityTypes.START_EVENT)).isFalse();
    assertThat(LeanHistoryEventHandler.passedThrough(
        ActivityTypes.INTERMEDIATE_EVENT_TIMER)).isFalse();
    assertThat(LeanHistoryEventHandler.passedThrough(null)).isFalse();
  }
}
