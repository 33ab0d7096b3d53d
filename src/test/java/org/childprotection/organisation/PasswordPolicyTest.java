package org.childprotection.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;

/**
 * Every password set through Admin or the REST API meets the engine's password policy: a weak
 * one is a 400 and changes nothing. (The demo users, whose passwords equal their ids, are the
 * platform's own: OrganisationSetupTest.)
 */
class PasswordPolicyTest extends PlatformTest {

  private static final String STRONG = "Kq8-strong-enough!";

  @Test
  void anAdministratorCannotCreateAUserWithAWeakPassword() {
    String userId = "weak" + System.nanoTime();

    Http.Response create = as("demo").postJson("/engine-rest/user/create", newUser(userId, "a"));

    assertThat(create.status()).as(create.toString()).isEqualTo(400);
    assertThat(create.json().get("message").asText()).contains("密码策略");
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).count()).isZero();
  }

  @Test
  void anAdministratorCannotGiveAUserAWeakPassword() {
    String userId = "policy" + System.nanoTime();
    assertThat(as("demo").postJson("/engine-rest/user/create", newUser(userId, STRONG)).status())
        .isEqualTo(204);

    Http.Response change = as("demo").send("PUT", "/engine-rest/user/" + userId + "/credentials",
        "application/json", "{\"password\":\"a\",\"authenticatedUserPassword\":\"demo\"}");

    assertThat(change.status()).as(change.toString()).isEqualTo(400);
    assertThat(change.json().get("message").asText()).contains("密码策略");
    assertThat(Http.as(port, userId, STRONG).get("/engine-rest/user/" + userId + "/profile")
        .status()).as("the old password still works").isEqualTo(200);
  }

  private static Map<String, Object> newUser(String userId, String password) {
    return Map.of(
        "profile", Map.of("id", userId, "firstName", "测试", "lastName", "用户"),
        "credentials", Map.of("password", password));
  }
}
