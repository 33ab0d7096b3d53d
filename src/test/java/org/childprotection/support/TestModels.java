package org.childprotection.support;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;

/** Small models that tests deploy for themselves, each under a key of its own. */
public final class TestModels {

  private TestModels() {}

  /**
   * Deploys a process of these flow elements (BPMN, prefix {@code bpmn:}, Camunda's extensions
   * as {@code camunda:}) under a new key that starts with the prefix; returns the key.
   */
  public static String deploy(ProcessEngine engine, String keyPrefix, String flowElements) {
    String key = keyPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </bpmn:process>
        </bpmn:definitions>""".formatted(key, flowElements);
    engine.getRepositoryService().createDeployment().addString(key + ".bpmn", xml).deploy();
    return key;
  }
}
