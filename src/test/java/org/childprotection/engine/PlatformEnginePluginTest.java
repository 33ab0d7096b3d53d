package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;

/**
 * The patches go only into the engine version they were written for, and those that can be
 * turned off leave the engine's own code in place.
 */
@Tag("no-database")
class PlatformEnginePluginTest {

  @Test
  void anotherEngineVersionIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> PlatformEnginePlugin.refuseUnknownEngine("7.25.0", "7.24.0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The Camunda engine on the classpath is version 7.25.0, but the platform's"
            + " engine patches were written for version 7.24.0. They reach into the engine's"
            + " internals: check each one listed in docs/engine-patches.md against version"
            + " 7.25.0, then set minor-protection.engine.patched-for to 7.25.0.");
  }

  @Test
  void theVersionThePatchesWereWrittenForPasses() {
    assertThatCode(() -> PlatformEnginePlugin.refuseUnknownEngine("7.24.0", "7.24.0"))
        .doesNotThrowAnyException();
    assertThat(ProductPropertiesUtil.getProductVersion()).as("the engine on the classpath")
        .isEqualTo("7.24.0");
  }

  @Test
  void onAnUnknownEngineNothingIsInstalled() {
    PlatformEnginePlugin plugin =
        new PlatformEnginePlugin(null, "7.23.0", false, false, List.of(), true, true, true, true, 1000,
            Duration.ofSeconds(10), 10_000, Duration.ofSeconds(10), Duration.ofSeconds(5));
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();

    assertThatThrownBy(() -> plugin.preInit(configuration))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 7.24.0")
        .hasMessageContaining("written for version 7.23.0");
    assertThat(configuration.getTenantIdProvider()).isNull();
    assertThat(configuration.getExpressionManager()).isNull();
    assertThat(configuration.getCustomPreCommandInterceptorsTxRequired()).isNull();
    assertThat(configuration.getCustomHistoryEventHandlers()).isNullOrEmpty();
  }

  @Test
  void thePatchesThatCanBeTurnedOffAreInstalledOnlyWhenOn() {
    ProcessEngineConfigurationImpl on = installed(false, false, true, true);
    assertThat(on.getCustomPreCommandInterceptorsTxRequired())
        .hasExactlyElementsOfTypes(CommandFailureLog.class, PasswordPolicyRefusal.class);
    assertThat(on.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(on.getCustomHistoryEventHandlers())
        .hasExactlyElementsOfTypes(LeanHistoryEventHandler.class);
    assertThat(on.getSessionFactories().get(DbEntityManager.class))
        .isInstanceOf(EntityIdCheck.class);

    ProcessEngineConfigurationImpl off = installed(true, true, false, false);
    assertThat(off.getCustomPreCommandInterceptorsTxRequired())
        .as("the failure log cannot be turned off")
        .hasExactlyElementsOfTypes(CommandFailureLog.class);
    assertThat(off.isEnableDefaultDbHistoryEventHandler()).isTrue();
    assertThat(off.getCustomHistoryEventHandlers()).isNullOrEmpty();
    assertThat(off.getSessionFactories()).doesNotContainKey(DbEntityManager.class);
  }

  /**
   * The configuration as the plugin leaves it; the authorization queries and the remembered
   * definitions need MyBatis (DefinitionLookupsTest has them in the running engine).
   */
  private static ProcessEngineConfigurationImpl installed(boolean variableChanges,
      boolean jobCreations, boolean entityIdCheck, boolean passwordPolicyRefusal) {
    PlatformEnginePlugin plugin = new PlatformEnginePlugin(new StaticApplicationContext(),
        "7.24.0", variableChanges, jobCreations, List.of(), true, false, entityIdCheck,
        passwordPolicyRefusal, 1000,
        Duration.ofSeconds(10), 10_000, Duration.ofSeconds(10), Duration.ZERO);
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setSessionFactories(new HashMap<>());
    plugin.preInit(configuration);
    plugin.postInit(configuration);
    return configuration;
  }
}
