package org.childprotection.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The in-app outbox as its readers call it: their groups' notifications, newest first. */
class OutboxApiTest extends PlatformTest {

  @Autowired
  NotificationLog log;

  @Test
  void theOutboxGivesTheNewestOfTheCallersGroupsUpToTheLimit() {
    String run = UUID.randomUUID().toString();
    for (int i = 1; i <= 3; i++) {
      log.record(new Notification(run + ":" + i, "education", "NJ-TEST-OUTBOX",
          "通知 " + run + " " + i, "正文"), "OUTBOX");
    }

    Http.Response page = as("education").get("/api/notifications?limit=2");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(subjects(page.json())).containsExactly("通知 " + run + " 3", "通知 " + run + " 2");

    Http.Response other = as("health").get("/api/notifications?limit=500");
    assertThat(subjects(other.json())).noneMatch(subject -> subject.contains(run));
  }

  private static List<String> subjects(JsonNode entries) {
    List<String> subjects = new ArrayList<>();
    entries.forEach(entry -> subjects.add(entry.get("subject").asText()));
    return subjects;
  }
}
