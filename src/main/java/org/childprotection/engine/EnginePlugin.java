package org.childprotection.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine settings that properties cannot express. */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

  /** Unit ids such as protection-center and district-gulou contain hyphens. */
  static final String IDENTITY_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new DistrictTenantIdProvider());
    configuration.setGeneralResourceWhitelistPattern(IDENTITY_ID_PATTERN);
  }
}
