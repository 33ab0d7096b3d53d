package org.childprotection.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.childprotection.support.SeparateApp;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** What exists, and what is refused, outside the demo profile. */
class ProfilesTest {

  private static final String[] STRONG_ADMIN =
      {"ADMIN_USER=admin", "ADMIN_PASSWORD=Xq7-long-enough-secret"};

  @Test
  void outsideDemoThereAreNoDemoUsersAndTheAdministratorComesFromTheEnvironment() {
    try (ConfigurableApplicationContext app = SeparateApp.start(
        TestDatabase.freshDatabaseUrl(), "prod",
        "ADMIN_USER=admin", "ADMIN_PASSWORD=Xq7-long-enough-secret")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();

      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
          .containsExactly("admin");
      assertThat(identity.checkPassword("admin", "Xq7-long-enough-secret")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(identity.createTenantQuery().count()).isEqualTo(11);
    }
  }

  @Test
  void productionRefusesToStartWithoutAnAdministrator() {
    assertThatThrownBy(() -> SeparateApp.start(TestDatabase.freshDatabaseUrl(), "prod").close())
        .hasStackTraceContaining("Refusing to start in production")
        .hasStackTraceContaining("ADMIN_USER and ADMIN_PASSWORD must be set");
  }

  @Test
  void productionRefusesADefaultPassword() {
    assertThatThrownBy(() -> SeparateApp.start(TestDatabase.freshDatabaseUrl(), "prod",
        "ADMIN_USER=demo", "ADMIN_PASSWORD=demo").close())
        .hasStackTraceContaining("Refusing to start in production");
    assertThatThrownBy(() -> SeparateApp.start(TestDatabase.freshDatabaseUrl(), "prod",
        "ADMIN_USER=admin", "ADMIN_PASSWORD=changeme").close())
        .hasStackTraceContaining("Refusing to start in production");
    assertThatThrownBy(() -> SeparateApp.start(TestDatabase.freshDatabaseUrl(), "prod",
        "ADMIN_USER=administrator", "ADMIN_PASSWORD=administrator").close())
        .hasStackTraceContaining("ADMIN_PASSWORD is a default password");
  }

  @Test
  void productionRefusesAnAdministratorPasswordOutsideThePasswordPolicy() {
    assertThatThrownBy(() -> SeparateApp.start(TestDatabase.freshDatabaseUrl(), "prod",
        "ADMIN_USER=admin", "ADMIN_PASSWORD=only-lower-case-letters").close())
        .hasStackTraceContaining("Refusing to start in production")
        .hasStackTraceContaining("ADMIN_PASSWORD does not meet the engine's password policy");
  }

  /**
   * A database first started with the demo profile keeps its demo accounts; production refuses
   * it, says which accounts and what to do, and changes nothing until they are gone.
   */
  @Test
  void productionRefusesADatabaseThatStillHasDemoOrWeakAccounts() {
    String database = TestDatabase.freshDatabaseUrl();
    Set<String> demoIds = new TreeSet<>(DemoUsers.users().keySet());
    demoIds.add("demo");
    try (ConfigurableApplicationContext demo = SeparateApp.start(database, "demo")) {
      // Made before the password policy was on: a user whose password is the user id.
      User clerk = identity(demo).newUser("clerk");
      clerk.setPassword("clerk");
      ((IdentityServiceImpl) identity(demo)).saveUser(clerk, true);
    }

    assertThatThrownBy(() -> SeparateApp.start(database, "prod", STRONG_ADMIN).close())
        .hasStackTraceContaining("Refusing to start in production: demo users exist ("
            + String.join(", ", demoIds) + "): delete them.")
        .hasStackTraceContaining("user id or a well-known default")
        .hasStackTraceContaining("(clerk): delete them or give them strong passwords")
        .hasStackTraceContaining("Camunda Admin");

    // Neither demo nor prod: what an operator starts to follow the message.
    try (ConfigurableApplicationContext maintenance = SeparateApp.start(database, "maintenance")) {
      IdentityService identity = identity(maintenance);
      List<UserEntity> users = identity.createUserQuery().list().stream()
          .map(UserEntity.class::cast).toList();
      assertThat(users).extracting(UserEntity::getId).as("the refused start created no one")
          .containsExactlyInAnyOrderElementsOf(with(demoIds, "clerk"));
      assertThat(users).allSatisfy(user -> {
        assertThat(user.getAttempts()).as("failed logins of " + user.getId()).isZero();
        assertThat(user.getLockExpirationTime()).as("lock of " + user.getId()).isNull();
      });
      assertThat(identity.checkPassword("center", "center")).isTrue();

      demoIds.forEach(identity::deleteUser);
      User clerk = identity.createUserQuery().userId("clerk").singleResult();
      clerk.setPassword("Kq8-strong-enough!");
      identity.saveUser(clerk);
    }

    try (ConfigurableApplicationContext prod = SeparateApp.start(database, "prod", STRONG_ADMIN)) {
      assertThat(identity(prod).createUserQuery().list()).extracting(User::getId)
          .containsExactlyInAnyOrder("admin", "clerk");
    }
  }

  private static IdentityService identity(ConfigurableApplicationContext app) {
    return app.getBean(ProcessEngine.class).getIdentityService();
  }

  private static Set<String> with(Set<String> ids, String id) {
    Set<String> all = new TreeSet<>(ids);
    all.add(id);
    return all;
  }
}
