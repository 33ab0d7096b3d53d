package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A login the platform remembers ({@link VerifiedLogins}) never outlives a change of its account
 * made on this node: a changed password, a deleted user and a lost membership take effect with
 * the next request, whether the change comes through the engine's API or through the REST API
 * that Admin uses. (A change on another node of a cluster takes effect within
 * {@code minor-protection.verified-logins.remember-for}: {@link VerifiedLoginsTest}.)
 */
class AccountChangesTest extends PlatformTest {

  private static final String PASSWORD = "Kq8-strong-enough!";
  private static final String NEW_PASSWORD = "Zu7-changed-again!";

  @Autowired
  LoginThrottle throttle;

  @AfterEach
  void forgetTheFailedLogins() {
    throttle.forget();
  }

  @Test
  void aChangedPasswordIsRefusedWithTheNextRequest() {
    String userId = newUser("district-gulou");
    assertThat(profile(userId, PASSWORD)).isEqualTo(200);

    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(NEW_PASSWORD);
    identity.saveUser(user);

    assertThat(profile(userId, PASSWORD)).isEqualTo(401);
    assertThat(profile(userId, NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  void aPasswordChangedInAdminIsRefusedWithTheNextRequest() {
    String userId = newUser("district-gulou");
    assertThat(profile(userId, PASSWORD)).isEqualTo(200);

    Http.Response changed = as("demo").send("PUT", "/engine-rest/user/" + userId + "/credentials",
        "application/json", "{\"password\":\"" + NEW_PASSWORD
            + "\",\"authenticatedUserPassword\":\"demo\"}");

    assertThat(changed.status()).isEqualTo(204);
    assertThat(profile(userId, PASSWORD)).isEqualTo(401);
    assertThat(profile(userId, NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  void aDeletedUserIsRefusedWithTheNextRequest() {
    String userId = newUser("district-gulou");
    assertThat(profile(userId, PASSWORD)).isEqualTo(200);

    assertThat(as("demo").send("DELETE", "/engine-rest/user/" + userId, null, null)
        .status()).isEqualTo(204);

    assertThat(profile(userId, PASSWORD)).isEqualTo(401);
  }

  @Test
  void aUserTakenOutOfAGroupLosesItWithTheNextRequest() {
    String userId = newUser(Groups.CAMUNDA_ADMIN);
    Http user = Http.as(port, userId, PASSWORD);
    assertThat(user.get("/actuator/info").status()).isEqualTo(200);

    engine.getIdentityService().deleteMembership(userId, Groups.CAMUNDA_ADMIN);

    assertThat(user.get("/actuator/info").status()).isEqualTo(403);
  }

  @Test
  void aClientsParallelRequestsWithOnePasswordAreOneLogin() throws Exception {
    String userId = newUser("district-gulou");
    ExecutorService client = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Integer>> requests = IntStream.range(0, 16)
          .<Callable<Integer>>mapToObj(i -> () -> profile(userId, PASSWORD)).toList();
      for (Future<Integer> answer : client.invokeAll(requests)) {
        assertThat(answer.get()).as("never throttled").isEqualTo(200);
      }
    } finally {
      client.shutdownNow();
    }
  }

  private String newUser(String groupId) {
    String userId = "changed" + System.nanoTime();
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(userId);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(userId, groupId);
    return userId;
  }

  private int profile(String userId, String password) {
    return Http.as(port, userId, password).get("/engine-rest/user/" + userId + "/profile")
        .status();
  }
}
