package org.childprotection.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.support.SeparateApp;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** What exists, and what is refused, outside the demo profile. */
class ProfilesTest {

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
}
