package org.childprotection.registry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.api.RefusedException;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.Cases.Case;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Labels for Tasklist's cards: the case number, the child's name (masked for units), the
 * district and the risk level of each task the caller may see. Three queries for a page.
 */
@Service
public class TaskLabels {

  public static final int MAX_IDS = 100;

  private final TaskService tasks;
  private final InstanceCases instanceCases;
  private final CaseAccess access;
  private final JdbcClient jdbc;

  public TaskLabels(TaskService tasks, InstanceCases instanceCases, CaseAccess access,
      JdbcClient jdbc) {
    this.tasks = tasks;
    this.instanceCases = instanceCases;
    this.access = access;
    this.jdbc = jdbc;
  }

  public Map<String, TaskLabel> labelsOf(List<String> taskIds) {
    if (taskIds.size() > MAX_IDS) {
      throw RefusedException.badRequest("ids", "一次最多查询 " + MAX_IDS + " 个任务");
    }
    Map<String, TaskLabel> labels = new LinkedHashMap<>();
    if (taskIds.isEmpty()) {
      return labels;
    }
    // The engine decides which of the tasks the caller may see.
    List<Task> visible = tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new))
        .list();
    if (visible.isEmpty()) {
      return labels;
    }
    Map<String, Case> caseOf = instanceCases.of(
        visible.stream().map(Task::getProcessInstanceId).toList());
    Map<Long, String> childNames = new HashMap<>();
    if (!caseOf.isEmpty()) {
      jdbc.sql("SELECT id, name FROM child WHERE id IN (:ids)")
          .param("ids", caseOf.values().stream().map(Case::childId).distinct().toList())
          .query((rs, row) -> childNames.put(rs.getLong("id"), rs.getString("name"))).list();
    }
    Set<Long> full = access.fullyVisible(Set.copyOf(caseOf.values()));
    View unitView = access.unitView();
    for (Task task : visible) {
      Case c = caseOf.get(task.getProcessInstanceId());
      if (c == null) {
        labels.put(task.getId(), new TaskLabel(null, null,
            Vocabulary.district(task.getTenantId()), null, null));
        continue;
      }
      View view = full.contains(c.id()) ? View.FULL : unitView == null ? View.UNIT : unitView;
      String name = childNames.get(c.childId());
      labels.put(task.getId(), new TaskLabel(c.caseNumber(),
          view == View.UNIT ? Masking.name(name) : name, Vocabulary.district(c.district()),
          c.riskLevel(), RiskLevel.chineseNameOf(c.riskLevel())));
    }
    return labels;
  }
}
