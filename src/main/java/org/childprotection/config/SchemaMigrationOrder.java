package org.childprotection.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our schema migrations (Flyway, {@code db/migration}) run after the engine has created or
 * updated its own tables, because some of them add indexes to the engine's tables. Nothing the
 * engine does while it starts touches our tables.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrationOrder {

  static final String FLYWAY_INITIALIZER = "flywayInitializer";
  static final String PROCESS_ENGINE = "processEngineFactoryBean";

  @Bean
  static BeanFactoryPostProcessor migrationsAfterEngine() {
    return beanFactory -> {
      if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)
          || !beanFactory.containsBeanDefinition(PROCESS_ENGINE)) {
        return;
      }
      BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY_INITIALIZER);
      List<String> dependsOn = new ArrayList<>();
      if (flyway.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(flyway.getDependsOn()));
      }
      dependsOn.add(PROCESS_ENGINE);
      flyway.setDependsOn(dependsOn.toArray(String[]::new));
    };
  }
}
