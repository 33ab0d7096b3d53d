package org.childprotection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationInstantiationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The one way the tests walk process instances, as people and time would: completes tasks with
 * their forms' answers, fires timers where days pass, and runs the asynchronous steps the job
 * executor would run (it is off in tests). Works on an instance and every instance it called, as
 * a case and its guardianship procedure and court proceedings are one story. A test that checks a
 * later part of a model moves an instance there ({@link #moveBranch}, {@link #moveTo}) instead
 * of replaying the steps before it. Process state is asserted with camunda-bpm-assert's
 * {@code BpmnAwareTests.assertThat}.
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

  /** The task fell due that long ago (its due date set through the engine). */
  public void dueAgo(Task task, Duration ago) {
    task.setDueDate(Date.from(Instant.now().minus(ago)));
    engine.getTaskService().saveTask(task);
  }

  /** Completes the task with the answers its form collects, then runs the steps that follow. */
  public void complete(String rootInstanceId, String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(rootInstanceId, taskKey).getId(), variables);
    runJobs(rootInstanceId);
  }

  /** The waiting timer of this activity (a timer event, or a boundary timer on it). */
  public Job timer(String rootInstanceId, String activityId) {
    List<Job> timers = timers(rootInstanceId, activityId);
    assertThat(timers).as("timer " + activityId).hasSize(1);
    return timers.get(0);
  }

  /** The waiting timers of these activities in the instance or any instance it called. */
  public List<Job> timers(String rootInstanceId, String... activityIds) {
    List<String> family = family(rootInstanceId);
    List<Job> timers = new ArrayList<>();
    for (String activityId : activityIds) {
      engine.getManagementService().createJobQuery().timers().activityId(activityId).list()
          .stream().filter(j -> family.contains(j.getProcessInstanceId())).forEach(timers::add);
    }
    return timers;
  }

  /** Days pass: the timer of this activity fires now. */
  public void fire(String rootInstanceId, String activityId) {
    engine.getManagementService().executeJob(timer(rootInstanceId, activityId).getId());
    runJobs(rootInstanceId);
  }

  /** Runs the asynchronous steps that are due, as the job executor would. */
  public void runJobs(String rootInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<String> family = family(rootInstanceId);
      List<Job> due = engine.getManagementService().createJobQuery().messages().executable()
          .list().stream().filter(j -> family.contains(j.getProcessInstanceId())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /**
   * The branch waiting at {@code fromActivityId} goes on from {@code activityId} instead, with what
   * the steps between would have left; the instance's other branches wait as they did. Nothing
   * runs yet ({@link #runJobs} does).
   */
  public void moveBranch(String instanceId, String fromActivityId, String activityId,
      Map<String, Object> variables) {
    engine.getRuntimeService().createProcessInstanceModification(instanceId)
        .cancelAllForActivity(fromActivityId).startBeforeActivity(activityId)
        .setVariables(variables).execute();
  }

  /**
   * The whole instance goes on from this activity, with what the steps before it would have
   * left: everything that runs in it now is cancelled. Nothing runs yet ({@link #runJobs} does).
   */
  public void moveTo(String instanceId, String activityId, Map<String, Object> variables) {
    ActivityInstance running = engine.getRuntimeService().getActivityInstance(instanceId);
    ProcessInstanceModificationInstantiationBuilder move = engine.getRuntimeService()
        .createProcessInstanceModification(instanceId).startBeforeActivity(activityId)
        .setVariables(variables);
    for (ActivityInstance activity : running.getChildActivityInstances()) {
      move.cancelActivityInstance(activity.getId());
    }
    for (TransitionInstance transition : running.getChildTransitionInstances()) {
      move.cancelTransitionInstance(transition.getId());
    }
    move.execute();
  }

  // The same steps for an instance held as camunda-bpm-assert's assertThat takes it.

  public Task task(ProcessInstance root, String taskKey) {
    return task(root.getId(), taskKey);
  }

  public void complete(ProcessInstance root, String taskKey, Map<String, Object> variables) {
    complete(root.getId(), taskKey, variables);
  }

  public Job timer(ProcessInstance root, String activityId) {
    return timer(root.getId(), activityId);
  }

  public void fire(ProcessInstance root, String activityId) {
    fire(root.getId(), activityId);
  }

  /** The instance and every instance below it (call activities), running or ended. */
  public String[] familyArray(String rootInstanceId) {
    return family(rootInstanceId).toArray(String[]::new);
  }

  private List<String> family(String rootInstanceId) {
    List<String> ids = new ArrayList<>(List.of(rootInstanceId));
    for (int i = 0; i < ids.size(); i++) {
      engine.getHistoryService().createHistoricProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i)).list().forEach(h -> ids.add(h.getId()));
    }
    return ids;
  }

  /** The called instance of this process below the root, the latest if it called several. */
  public String called(String rootInstanceId, String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(new HashSet<>(family(rootInstanceId)))
        .processDefinitionKey(processKey).list().stream()
        .max(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .orElseThrow().getId();
  }

  /** The instance's variables as they are now or were when it ended. */
  public Map<String, Object> variables(String instanceId) {
    Map<String, Object> values = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .list().forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  /** The instance's business key: a case's number (its called instances carry it too). */
  public String businessKey(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult().getBusinessKey();
  }

  public boolean ended(String instanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult().getEndTime() != null;
  }
}
