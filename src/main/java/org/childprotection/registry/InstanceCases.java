package org.childprotection.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.config.RecordRowMapper;
import org.childprotection.registry.Cases.Case;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case a process instance works on: the case of its root instance (a case's guardianship
 * transfer and court proceedings are called from the case's instance). A survey has none.
 */
@Component
public class InstanceCases {

  private final HistoryService history;
  private final IdentityService identity;
  private final JdbcClient jdbc;

  public InstanceCases(HistoryService history, IdentityService identity, JdbcClient jdbc) {
    this.history = history;
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /**
   * Each instance's case, by instance id; instances of no case are left out. Looked up as the
   * platform: whoever found the instances has already been checked by the engine, and the
   * root of a visible instance may be an instance the engine hides from them.
   */
  public Map<String, Case> of(Collection<String> processInstanceIds) {
    Map<String, Case> result = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return result;
    }
    Map<String, String> rootOf = new HashMap<>();
    PlatformIdentity.asPlatform(identity, () -> {
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(processInstanceIds)).list()) {
        rootOf.put(instance.getId(), instance.getRootProcessInstanceId());
      }
      return null;
    });
    if (rootOf.isEmpty()) {
      return result;
    }
    Map<String, Case> caseOfRoot = new HashMap<>();
    jdbc.sql("SELECT * FROM protection_case WHERE process_instance_id IN (:roots)")
        .param("roots", new HashSet<>(rootOf.values())).query(RecordRowMapper.of(Case.class)).list()
        .forEach(c -> caseOfRoot.put(c.processInstanceId(), c));
    rootOf.forEach((instance, root) -> {
      Case found = caseOfRoot.get(root);
      if (found != null) {
        result.put(instance, found);
      }
    });
    return result;
  }
}
