package org.childprotection.security;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, plus the {@link ForeignIdFilter} and the
 * {@link StepRefusedMapper}.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestResourceConfig extends CamundaJerseyResourceConfig {

  private final ProcessEngine engine;

  public EngineRestResourceConfig(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void registerAdditionalResources() {
    super.registerAdditionalResources();
    register(new ForeignIdFilter(engine));
    register(StepRefusedMapper.class);
  }
}
