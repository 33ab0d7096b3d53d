package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MP_TASK_OFFER (migration V17) holds exactly the engine's offers of open tasks to candidate
 * groups, each with its task's due date, whichever way they change: a task created with its
 * groups, a group added and removed, the due date moved, the task claimed and given back,
 * completed, its case
 * cancelled, a task of no process. Checked against the engine's own tables, for the whole
 * database (every other test's tasks too), after each step.
 */
class TaskOffersTest extends PlatformTest {

  private static final String PROCESS = "taskOffersProbe";

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theOffersFollowTheEnginesCandidateGroupsAndDueDates() {
    engine.getRepositoryService().createDeployment().name("task offers probe")
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
            .name("待办探针").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("check").name("核查").camundaCandidateGroups("district-gulou,police")
            .camundaDueDate("${due}")
            .userTask("visit").name("走访").camundaCandidateGroups("education")
            .endEvent().done())
        .deploy();
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    Date due = Date.from(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    String instance = runtime.startProcessInstanceByKey(PROCESS,
        Map.of("due", due, "district", "gulou")).getId();
    Task check = tasks.createTaskQuery().processInstanceId(instance).singleResult();

    assertThat(offersOf(check.getId())).as("created with its groups")
        .containsExactlyInAnyOrder("district-gulou " + due.getTime(), "police " + due.getTime());
    assertTheOffersAreTheEngines();

    tasks.addCandidateGroup(check.getId(), "health");
    tasks.addCandidateUser(check.getId(), "gulou");
    tasks.deleteCandidateGroup(check.getId(), "police");
    assertThat(offersOf(check.getId())).as("a group added, one removed, a user is no offer")
        .containsExactlyInAnyOrder("district-gulou " + due.getTime(), "health " + due.getTime());
    assertTheOffersAreTheEngines();

    Date sooner = Date.from(due.toInstant().minus(20, ChronoUnit.DAYS));
    check = tasks.createTaskQuery().taskId(check.getId()).singleResult();
    check.setDueDate(sooner);
    tasks.saveTask(check);
    assertThat(offersOf(check.getId())).as("the due date moved")
        .containsExactlyInAnyOrder("district-gulou " + sooner.getTime(),
            "health " + sooner.getTime());
    check = tasks.createTaskQuery().taskId(check.getId()).singleResult();
    check.setDueDate(null);
    tasks.saveTask(check);
    assertThat(offersOf(check.getId())).as("the due date taken away")
        .containsExactlyInAnyOrder("district-gulou none", "health none");

    tasks.claim(check.getId(), "gulou");
    assertThat(offersOf(check.getId())).as("claimed")
        .containsExactlyInAnyOrder("district-gulou none assigned", "health none assigned");
    assertTheOffersAreTheEngines();
    tasks.setAssignee(check.getId(), null);
    assertThat(offersOf(check.getId())).as("given back")
        .containsExactlyInAnyOrder("district-gulou none", "health none");
    tasks.setAssignee(check.getId(), "gulou");
    assertTheOffersAreTheEngines();
    tasks.complete(check.getId());
    Task visit = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(offersOf(check.getId())).as("completed").isEmpty();
    assertThat(offersOf(visit.getId())).as("the next task's").containsExactly("education none");
    assertTheOffersAreTheEngines();

    runtime.deleteProcessInstance(instance, "探针结束");
    assertThat(offersOf(visit.getId())).as("its case cancelled").isEmpty();

    Task standalone = tasks.newTask();
    standalone.setName("独立任务");
    standalone.setDueDate(due);
    tasks.saveTask(standalone);
    tasks.addCandidateGroup(standalone.getId(), "police");
    assertThat(offersOf(standalone.getId())).as("a task of no process")
        .containsExactly("police " + due.getTime());
    assertTheOffersAreTheEngines();
    tasks.deleteTask(standalone.getId(), true);
    assertThat(offersOf(standalone.getId())).as("deleted").isEmpty();
    assertTheOffersAreTheEngines();
  }

  /** The task's offers as "group due-millis" (or "group none"), "assigned" when it is. */
  private List<String> offersOf(String taskId) {
    return jdbc.query("SELECT GROUP_ID_, DUE_DATE_, ASSIGNED_ FROM MP_TASK_OFFER "
            + "WHERE TASK_ID_ = ?",
        (row, n) -> row.getString(1) + " "
            + (row.getTimestamp(2) == null ? "none" : row.getTimestamp(2).getTime())
            + (row.getBoolean(3) ? " assigned" : ""),
        taskId);
  }

  private void assertTheOffersAreTheEngines() {
    assertThat(rows("SELECT LINK_ID_, GROUP_ID_, TASK_ID_, DUE_DATE_, ASSIGNED_ "
        + "FROM MP_TASK_OFFER"))
        .as("MP_TASK_OFFER against the engine's candidate-group links, due dates, assignees")
        .isEqualTo(rows("SELECT I.ID_, I.GROUP_ID_, I.TASK_ID_, T.DUE_DATE_, "
            + "T.ASSIGNEE_ IS NOT NULL "
            + "FROM ACT_RU_IDENTITYLINK I INNER JOIN ACT_RU_TASK T ON T.ID_ = I.TASK_ID_ "
            + "WHERE " + TaskOffersTrigger.OFFER_CONDITION));
  }

  private Set<List<Object>> rows(String sql) {
    return new HashSet<>(jdbc.query(sql, (row, n) -> List.of(row.getString(1), row.getString(2),
        row.getString(3), String.valueOf(row.getTimestamp(4)), row.getBoolean(5))));
  }
}
