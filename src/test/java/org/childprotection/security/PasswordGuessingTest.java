package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An anonymous caller guessing passwords is slowed down, with 429 and a growing Retry-After, and
 * cannot lock anyone out: not the account's owner elsewhere, not the administrator, and the
 * engine's user is never locked. Every test leaves the throttle as it found it (all tests come
 * from 127.0.0.1).
 */
class PasswordGuessingTest extends PlatformTest {

  private static final String STRONG = "Kq8-strong-enough!";

  @Autowired
  LoginThrottle throttle;

  @Autowired
  LoginThrottleProperties settings;

  @AfterEach
  void forgetTheGuesses() {
    throttle.forget();
  }

  @Test
  void guessingByHttpBasicIsSlowedDownAndLocksNobody() throws InterruptedException {
    String userId = "guessed" + System.nanoTime();
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(userId);
    user.setPassword(STRONG);
    identity.saveUser(user);
    identity.createMembership(userId, "district-gulou");
    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", userId, STRONG).status()).isEqualTo(200);
    int free = settings.freeFailuresPerAccount();
    long first = settings.firstDelay().toSeconds();

    List<Integer> statuses = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    for (int guess = 0; guess < 30; guess++) {
      Http.Response answer = Http.as(port, userId, "guess-" + guess).get(profile(userId));
      statuses.add(answer.status());
      if (answer.status() == 429) {
        assertThat(answer.json().get("errors").get(0).get("message").asText())
            .contains("登录失败次数过多");
        waits.add(Long.parseLong(answer.header("Retry-After")));
        if (waits.size() < 3) {
          Thread.sleep(waits.get(waits.size() - 1) * 1000);
        }
      }
    }

    // The free failures and the first beyond them; then one checked guess per wait, twice.
    assertThat(statuses.subList(0, free + 1)).containsOnly(401);
    assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(free + 3);
    assertThat(statuses.subList(free + 1, 30)).containsOnly(401, 429);
    assertThat(waits).startsWith(first, 2 * first, 4 * first);
    assertThat(attempts(userId)).as("passwords the engine checked").isEqualTo(free + 3);
    assertThat(locked(userId)).isFalse();

    // Meanwhile the owner's session works, and others log in from the same address.
    assertThat(session.get("/camunda/api/engine/engine/default/user/" + userId + "/profile")
        .status()).isEqualTo(200);
    assertThat(as("demo").get("/engine-rest/user/count").status()).isEqualTo(200);

    // The right password from the guesser's address waits too, unchecked; then it works.
    Http.Response refused = Http.as(port, userId, STRONG).get(profile(userId));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(attempts(userId)).isEqualTo(free + 3);
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
    assertThat(Http.as(port, userId, STRONG).get(profile(userId)).status()).isEqualTo(200);
    assertThat(attempts(userId)).isZero();
    assertThat(identity.checkPassword(userId, STRONG)).isTrue();
  }

  @Test
  void guessingTheAdministratorsPasswordAtTheLoginFormLocksNobody() throws InterruptedException {
    Http guesser = anonymous();
    int free = settings.freeFailuresPerAccount();
    for (int guess = 0; guess <= free; guess++) {
      assertThat(guesser.loginToWebapp("admin", "demo", "guess-" + guess).status()).isEqualTo(401);
    }

    Http.Response refused = guesser.loginToWebapp("admin", "demo", "demo");
    assertThat(refused.status()).as("the right password, unchecked").isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo(
        Long.toString(settings.firstDelay().toSeconds()));
    assertThat(refused.json().get("errors").get(0).get("message").asText())
        .contains("登录失败次数过多");
    assertThat(as("demo").get("/engine-rest/user/count").status())
        .as("HTTP Basic from the same address counts the same account").isEqualTo(429);
    assertThat(attempts("demo")).isEqualTo(free + 1);
    assertThat(locked("demo")).isFalse();
    assertThat(as("gulou").get("/engine-rest/user/count").status()).isEqualTo(200);

    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
    assertThat(anonymous().loginToWebapp("admin", "demo", "demo").status()).isEqualTo(200);
    assertThat(attempts("demo")).isZero();
  }

  @Test
  void noUserMayCheckAnotherUsersPassword() {
    int before = attempts("demo");

    Http.Response verify = as("gulou").postJson("/engine-rest/identity/verify",
        Map.of("username", "demo", "password", "guess"));
    Http session = anonymous();
    session.loginToWebapp("tasklist", "gulou", "gulou");
    Http.Response verifyInWebapp = session.postJson(
        "/camunda/api/engine/engine/default/identity/verify",
        Map.of("username", "demo", "password", "guess"));

    assertThat(verify.status()).isEqualTo(403);
    assertThat(verifyInWebapp.status()).isEqualTo(403);
    assertThat(attempts("demo")).isEqualTo(before);
  }

  private static String profile(String userId) {
    return "/engine-rest/user/" + userId + "/profile";
  }

  private int attempts(String userId) {
    return user(userId).getAttempts();
  }

  private boolean locked(String userId) {
    UserEntity user = user(userId);
    return user.getLockExpirationTime() != null
        && user.getLockExpirationTime().after(ClockUtil.getCurrentTime());
  }

  private UserEntity user(String userId) {
    return (UserEntity) engine.getIdentityService().createUserQuery().userId(userId)
        .singleResult();
  }
}
