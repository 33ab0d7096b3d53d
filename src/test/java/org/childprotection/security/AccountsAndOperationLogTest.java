package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, part 7: nobody renames themselves (a name is what others read on every task and in
 * the history), and only administrators read the administrators' operation log.
 */
class AccountsAndOperationLogTest extends PlatformTest {

  @Test
  void aUserCannotRenameThemselvesThroughEitherApi() {
    User before = engine.getIdentityService().createUserQuery().userId("education").singleResult();
    String forged = "{\"id\":\"education\",\"firstName\":\"<img src=x onerror=alert(1)>\","
        + "\"lastName\":\"市民政局局长\",\"email\":\"x@example.org\"}";

    Http.Response rest = as("education").send("PUT", "/engine-rest/user/education/profile",
        "application/json", forged);
    Http tasklist = anonymous();
    assertThat(tasklist.loginToWebapp("tasklist", "education", "education").status())
        .isEqualTo(200);
    Http.Response webapp = tasklist.send("PUT",
        "/camunda/api/engine/engine/default/user/education/profile", "application/json", forged);

    assertThat(rest.status()).isEqualTo(403);
    assertThat(webapp.status()).isEqualTo(403);
    User after = engine.getIdentityService().createUserQuery().userId("education").singleResult();
    assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
    assertThat(after.getLastName()).isEqualTo(before.getLastName());
    assertThat(after.getEmail()).isEqualTo(before.getEmail());
  }

  @Test
  void onlyAdministratorsReadTheAdministratorsOperationLog() {
    // An administrator's operation: a user made and removed through Admin's REST API.
    String id = "oplog" + (System.nanoTime() % 100000);
    assertThat(as("demo").postJson("/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
        + "\",\"firstName\":\"临时\",\"lastName\":\"用户\"},\"credentials\":{\"password\":"
        + "\"Tmp-Passw0rd-2026!\"}}").status()).isEqualTo(204);
    assertThat(as("demo").send("DELETE", "/engine-rest/user/" + id, null, null).status())
        .isEqualTo(204);
    String query = "/engine-rest/history/user-operation?maxResults=1000&sortBy=timestamp"
        + "&sortOrder=desc";
    assertThat(entries(as("demo").get(query))).anyMatch(e -> e.contains(id) || e.contains("User"));

    List<String> seen = new ArrayList<>();
    for (String user : List.of("education", "gulou", "qixia", "police", "center", "supervisor")) {
      for (JsonNode entry : as(user).get(query).json()) {
        String category = entry.path("category").asText("");
        if ("Admin".equals(category) || "User".equals(entry.path("entityType").asText())
            || "Authorization".equals(entry.path("entityType").asText())) {
          seen.add(user + ": " + entry);
        }
      }
    }
    assertThat(seen).isEmpty();
  }

  private static List<String> entries(Http.Response answer) {
    List<String> entries = new ArrayList<>();
    answer.json().forEach(e -> entries.add(e.path("entityType").asText() + " "
        + e.path("category").asText() + " " + e.path("newValue").asText()));
    return entries;
  }
}
