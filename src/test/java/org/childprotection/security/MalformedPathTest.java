package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Paths with parameters or dot segments in odd places are a 400 with a reason, never a 500,
 * and leave no error with a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedPathTest extends PlatformTest {

  @Test
  void oddPathsAre400WithAReasonAndNoStackTrace(CapturedOutput log) {
    for (String path : List.of("/engine-rest;x/task", "/api;/../engine-rest/task",
        "/api;x/cases/NJ-2026-000001", "/engine-rest/;/task", "/engine-rest/task;x=1",
        "/api/../engine-rest/task", "/camunda;x/app/tasklist/default/")) {
      for (Http http : List.of(as("gulou"), anonymous())) {
        Http.Response answer = http.get(path);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("message").asText()).as(path)
            .isNotBlank();
      }
    }
    assertThat(log.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
  }
}
