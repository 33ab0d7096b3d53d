package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;

/** The engine's entity manager with the cheap id check still refuses the ids the engine does. */
class EntityIdCheckTest extends PlatformTest {

  @Test
  void theEngineUsesIt() {
    assertThat(configuration().getSessionFactories().get(DbEntityManager.class))
        .isInstanceOf(EntityIdCheck.class);
  }

  @Test
  void aReservedIdIsRefusedWithTheEnginesMessageAndNothingIsWritten() {
    CommandExecutor commands = configuration().getCommandExecutorTxRequired();
    assertThatThrownBy(() -> commands.execute(context -> {
      context.getDbEntityManager().insert(new PropertyEntity("*", "reserved"));
      return null;
    })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("invalid id");
    assertThat(engine.getManagementService().getProperties()).doesNotContainKey("*");

    String name = "mp.entity-id-check." + System.nanoTime();
    commands.execute(context -> {
      context.getDbEntityManager().insert(new PropertyEntity(name, "ordinary"));
      return null;
    });
    assertThat(engine.getManagementService().getProperties()).containsEntry(name, "ordinary");
    engine.getManagementService().deleteProperty(name);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
