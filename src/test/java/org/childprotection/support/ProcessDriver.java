package org.childprotection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks process instances as people and time would: completes tasks with their forms' answers,
 * fires timers where days pass, and runs the asynchronous steps the job executor would run
 * (it is off in tests). Works on an instance and the instances it called.
 */
public final class ProcessDriver {

  private final ProcessEngine engine;

  public ProcessDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The open task with this key in the instance or any instance it called. */
  public Task task(String rootInstanceId, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(familyArray(rootInstanceId)).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task " + taskKey).hasSize(1);
    return tasks.get(0);
  }

  public boolean hasTask(String rootInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceIdIn(familyArray(rootInstanceId))
        .taskDefinitionKey(taskKey).count() > 0;
  }

  public void complete(String rootInstanceId, String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(rootInstanceId, taskKey).getId(), variables);
    runJobs(rootInstanceId);
  }

  public Job timer(String rootInstanceId, String activityId) {
    List<Job> timers = engine.getManagementService().createJobQuery().timers()
        .activityId(activityId).list().stream()
        .filter(j -> family(rootInstanceId).contains(j.getProcessInstanceId())).toList();
    assertThat(timers).as("timer " + activityId).hasSize(1);
    return timers.get(0);
  }

  /** Days pass: the timer of this activity fires now. */
  public void fire(String rootInstanceId, String activityId) {
    engine.getManagementService().executeJob(timer(rootInstanceId, activityId).getId());
    runJobs(rootInstanceId);
  }

  /** Runs the asynchronous steps that are due, as the job executor would. */
  public void runJobs(String rootInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().messages().executable()
          .list().stream().filter(j -> family(rootInstanceId).contains(j.getProcessInstanceId()))
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The instance and every instance below it (call activities), running or ended. */
  public String[] familyArray(String rootInstanceId) {
    return family(rootInstanceId).toArray(String[]::new);
  }

  public List<String> family(String rootInstanceId) {
    List<String> ids = new java.util.ArrayList<>(List.of(rootInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      engine.getHistoryService().createHistoricProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i)).list().forEach(h -> ids.add(h.getId()));
    }
    return ids;
  }

  /** The called instance of this process, below the root. */
  public String called(String rootInstanceId, String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(family(rootInstanceId)))
        .processDefinitionKey(processKey).list().stream()
        .max(java.util.Comparator.comparing(h -> h.getStartTime()))
        .orElseThrow().getId();
  }

  public Map<String, Object> variables(String instanceId) {
    Map<String, Object> values = new java.util.HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .list().forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  public boolean ended(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult().getEndTime() != null;
  }
}
