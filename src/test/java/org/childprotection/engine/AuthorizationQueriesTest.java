package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Our versions of the engine's statements (AuthorizationQueries.xml) return what the engine's
 * own return: the task query for every kind of caller, the query shapes Tasklist and our API
 * use and our Tasklist filters (the same tasks, in the same order, and the same counts), and
 * the groups that hold authorizations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationQueriesTest extends PlatformTest {

  private static final String PROBE = "taskListQueryProbe";
  private static final List<String> CALLERS = List.of("gulou", "qixia", "police", "education",
      "health", "center", "supervisor", "court", "demo");

  /**
   * Both ways a page of the tasks offered to groups is read (engine/FewOffersFirst): along the
   * due-date index, and from the groups' offers.
   */
  private static final Map<String, Long> OFFERS_READ = Map.of(
      "along the index", 0L, "from the offers", Long.MAX_VALUE);

  private final Map<String, BiFunction<TaskQuery, Caller, TaskQuery>> shapes =
      new LinkedHashMap<>();

  // Once, but inside a test run: process coverage records instances started in a test only.
  @BeforeEach
  void probeTasksInTwoDistricts() {
    if (!shapes.isEmpty()) {
      return;
    }
    engine.getRepositoryService().createDeployment().name("task list query probe")
        .addModelInstance(PROBE + ".bpmn", probeProcess()).deploy();
    Instant base = Instant.now().plus(400, ChronoUnit.DAYS);
    int n = 0;
    for (String district : List.of("gulou", "qixia", "gulou", "qixia", "gulou")) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("district", district);
      variables.put("worker", district);
      variables.put("districtGroup", "district-" + district);
      variables.put("rank", 100 - n);
      for (String task : List.of("police", "shared", "assigned", "offered")) {
        variables.put(task + "Due", Date.from(base.plus(++n, ChronoUnit.HOURS)));
      }
      engine.getRuntimeService().startProcessInstanceByKey(PROBE, variables);
    }
    // One task offered to the same group twice: the engine's join then meets it twice.
    Task offeredTwice = query().processDefinitionKey(PROBE).taskDefinitionKey("police")
        .listPage(0, 1).get(0);
    engine.getTaskService().addCandidateGroup(offeredTwice.getId(), "police");
    // One offered task claimed: a group's page leaves it out unless assigned tasks are asked for.
    Task claimed = query().processDefinitionKey(PROBE).taskDefinitionKey("shared")
        .tenantIdIn("gulou").orderByDueDate().asc().listPage(1, 1).get(0);
    engine.getTaskService().claim(claimed.getId(), "gulou");

    // Shapes over every task break ties of equal (or no) due dates by id: other tests of the
    // same platform leave many such tasks, which the database may return in any order.
    shapes.put("all tasks by due date", (q, c) -> q.orderByDueDate().asc().orderByTaskId().asc());
    shapes.put("probe page 2 by due date", (q, c) -> q.processDefinitionKey(PROBE)
        .orderByDueDate().asc());
    shapes.put("probe by creation, newest first", (q, c) -> q.processDefinitionKey(PROBE)
        .orderByTaskCreateTime().desc().orderByTaskId().asc());
    shapes.put("assigned to me", (q, c) -> q.taskAssignee(c.id()).orderByDueDate().asc()
        .orderByTaskId().asc());
    shapes.put("offered to my groups", (q, c) -> q.taskCandidateGroupIn(c.groups())
        .orderByDueDate().asc().orderByTaskId().asc());
    shapes.put("offered to my groups, assigned too", (q, c) -> q.taskCandidateGroupIn(c.groups())
        .includeAssignedTasks().orderByDueDate().asc().orderByTaskId().asc());
    shapes.put("offered to my groups, due last first", (q, c) -> q.taskCandidateGroupIn(c.groups())
        .orderByDueDate().desc().orderByTaskId().desc());
    // Sorted by a column the offers do not hold: read from the offers, but every task sorted.
    shapes.put("offered to my groups, newest first", (q, c) -> q.taskCandidateGroupIn(c.groups())
        .orderByTaskCreateTime().desc().orderByTaskId().asc());
    shapes.put("offered to my groups, a page as Tasklist asks", (q, c) -> q
        .taskCandidateGroupIn(c.groups()).active().orderByDueDate().asc().orderByDueDate().asc()
        .orderByTaskId().asc());
    // The shared task is offered to two of these groups, a police task to police twice.
    shapes.put("offered to several groups", (q, c) -> q
        .taskCandidateGroupIn(List.of("education", "district-gulou", "district-qixia", "police"))
        .orderByDueDate().asc().orderByTaskId().asc());
    shapes.put("offered to me or my groups", (q, c) -> q.processDefinitionKey(PROBE)
        .or().taskCandidateUser(c.id()).taskCandidateGroupIn(c.groups()).endOr()
        .orderByDueDate().desc());
    shapes.put("by a process variable", (q, c) -> q.processDefinitionKey(PROBE)
        .orderByProcessVariable("rank", ValueType.INTEGER).asc().orderByTaskId().asc());
    shapes.put("by name", (q, c) -> q.taskNameLike("%核查%").orderByDueDate().asc()
        .orderByTaskId().asc());
  }

  @Test
  void theEngineUsesOurStatements() {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    assertThat(AuthorizationQueries.REPLACED).hasSize(3);
    AuthorizationQueries.REPLACED.forEach((engines, ours) ->
        assertThat(sessions.mapStatement(engines)).as(engines).isEqualTo(ours));
  }

  @Test
  void theGroupsWithAuthorizationsAreTheEnginesOwn() {
    Supplier<Set<String>> groups = () -> configuration().getCommandExecutorTxRequired()
        .execute(context -> {
          Set<String> ids = new HashSet<>();
          for (Object id : context.getDbEntityManager().selectList("selectAuthorizedGroupIds")) {
            ids.add((String) id);
          }
          return ids;
        });
    Set<String> ours = groups.get();
    Set<String> engines = withEngineStatements(groups);
    engines.remove(null);

    assertThat(ours).isEqualTo(engines)
        .contains("district-gulou", "district-qixia", "protection-center", "police",
            "camunda-admin");
  }

  @Test
  void everyCallerSeesWhatTheEnginesOwnStatementShows() {
    int compared = 0;
    for (String id : CALLERS) {
      Caller caller = caller(id);
      for (Map.Entry<String, BiFunction<TaskQuery, Caller, TaskQuery>> entry
          : shapes.entrySet()) {
        String what = id + ", " + entry.getKey();
        boolean paged = entry.getKey().contains("page");
        Supplier<List<Task>> list = () -> {
          TaskQuery query = entry.getValue().apply(query(), caller);
          return paged ? query.listPage(4, 5) : query.list();
        };
        Supplier<Long> count = () -> entry.getValue().apply(query(), caller).count();
        List<String> engines = ids(withEngineStatements(() -> as(caller, list)));
        long ourCount = as(caller, count);
        long engineCount = withEngineStatements(() -> as(caller, count));

        assertThat(ourCount).as(what + ": count").isEqualTo(engineCount);
        for (Map.Entry<String, Long> reading : OFFERS_READ.entrySet()) {
          String how = what + ", " + reading.getKey();
          List<String> ours = ids(withOffersFirstBelow(reading.getValue(),
              () -> as(caller, list)));
          if (entry.getKey().startsWith("all tasks")) {
            // Other tests' tasks share due dates and have none: compare the set, and the order
            // only of our probe's tasks, whose due dates all differ.
            assertThat(ours).as(how).containsExactlyInAnyOrderElementsOf(engines);
            assertThat(probeTasksIn(ours)).as(how + ": order")
                .isEqualTo(probeTasksIn(engines));
          } else {
            assertThat(ours).as(how).isEqualTo(engines);
          }
          assertThat(ours).as(how + ": no task twice").doesNotHaveDuplicates();
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(CALLERS.size() * shapes.size() * OFFERS_READ.size());
  }

  /**
   * Our filters (我的任务, 本组待办, 全部任务) as Tasklist opens them, for every caller who may read
   * them: Tasklist adds its sorting (ours: by due date) after the filter's and asks for active
   * tasks only.
   */
  @Test
  void everyFilterShowsWhatTheEnginesOwnStatementsShow() {
    int compared = 0;
    for (String id : CALLERS) {
      Caller caller = caller(id);
      for (Filter filter : as(caller, () -> engine.getFilterService().createTaskFilterQuery()
          .list())) {
        String what = id + ", " + filter.getName();
        Supplier<List<Task>> list = () -> engine.getFilterService().list(filter.getId(),
            query().active().orderByDueDate().asc());
        Supplier<Long> count = () -> engine.getFilterService().count(filter.getId(),
            query().active());
        List<String> engines = ids(withEngineStatements(() -> as(caller, list)));

        assertThat(as(caller, count)).as(what + ": count")
            .isEqualTo(withEngineStatements(() -> as(caller, count)));
        for (Map.Entry<String, Long> reading : OFFERS_READ.entrySet()) {
          String how = what + ", " + reading.getKey();
          List<String> ours = ids(withOffersFirstBelow(reading.getValue(),
              () -> as(caller, list)));
          // Other tests' tasks share due dates: compare the set, and the order only of our
          // probe's tasks.
          assertThat(ours).as(how).containsExactlyInAnyOrderElementsOf(engines)
              .doesNotHaveDuplicates();
          assertThat(probeTasksIn(ours)).as(how + ": order").isEqualTo(probeTasksIn(engines));
          compared++;
        }
      }
    }
    assertThat(compared).as("filters compared")
        .isGreaterThanOrEqualTo(2 * CALLERS.size() * OFFERS_READ.size());
  }

  @Test
  void callersSeeDifferentTasks() {
    Function<TaskQuery, TaskQuery> probe = q -> q.processDefinitionKey(PROBE);
    Caller gulouWorker = caller("gulou");
    List<Task> gulou = as(gulouWorker, () -> probe.apply(query()).list());
    List<Task> qixia = as(caller("qixia"), () -> probe.apply(query()).list());
    List<Task> police = as(caller("police"), () -> probe.apply(query()).list());
    List<Task> center = as(caller("center"), () -> probe.apply(query()).list());

    assertThat(gulou).as("gulou: its three cases' four tasks").hasSize(12)
        .allMatch(t -> "gulou".equals(t.getTenantId()));
    assertThat(qixia).hasSize(8).allMatch(t -> "qixia".equals(t.getTenantId()));
    assertThat(police).as("police: the tasks offered to it, in every district").hasSize(5)
        .allMatch(t -> t.getTaskDefinitionKey().equals("police"));
    assertThat(center).as("the protection center sees every task").hasSize(20);
    assertThat(as(caller("health"), () -> probe.apply(query()).count()))
        .as("health: offered to it as a candidate user").isEqualTo(5);
    assertThat(as(gulouWorker,
        () -> probe.apply(query()).orderByDueDate().asc().listPage(2, 3)))
        .extracting(Task::getDueDate).isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void revokeAuthorizationsAndCompositeChecksStayWithTheEngine() {
    AuthorizationCheck check = TaskReadCheck.of("gulou", "district-gulou");
    assertThat(AuthorizationQueries.checksItself(check)).isTrue();

    check.setRevokeAuthorizationCheckEnabled(true);
    assertThat(AuthorizationQueries.checksItself(check)).as("revoke authorizations in use").isFalse();
    check.setRevokeAuthorizationCheckEnabled(false);

    check.setAuthUserId(null);
    assertThat(AuthorizationQueries.checksItself(check)).as("no user").isFalse();
    check.setAuthUserId("gulou");

    check.setAuthorizationCheckEnabled(false);
    assertThat(AuthorizationQueries.checksItself(check)).as("authorization off").isFalse();
    assertThat(AuthorizationQueries.checksItself(null)).isFalse();
  }

  private static BpmnModelInstance probeProcess() {
    return Bpmn.createExecutableProcess(PROBE).name("任务查询探针").camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("fork")
        .userTask("police").name("公安核查").camundaCandidateGroups("police")
        .camundaDueDate("${policeDue}").endEvent("policeDone")
        .moveToNode("fork")
        .userTask("shared").name("联合走访").camundaCandidateGroups("education,${districtGroup}")
        .camundaDueDate("${sharedDue}").endEvent("sharedDone")
        .moveToNode("fork")
        .userTask("assigned").name("个案核查").camundaAssignee("${worker}")
        .camundaDueDate("${assignedDue}").endEvent("assignedDone")
        .moveToNode("fork")
        .userTask("offered").name("卫生评估").camundaCandidateUsers("health")
        .camundaDueDate("${offeredDue}").endEvent("offeredDone")
        .done();
  }

  private TaskQuery query() {
    return engine.getTaskService().createTaskQuery();
  }

  /** The probe's tasks among the ids, in their order. */
  private List<String> probeTasksIn(List<String> ids) {
    Set<String> probe = new HashSet<>(ids(query().processDefinitionKey(PROBE).list()));
    return ids.stream().filter(probe::contains).toList();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  /** A demo user with their groups and districts (tenants). */
  private record Caller(String id, List<String> groups, List<String> tenants) {
  }

  private Caller caller(String id) {
    IdentityService identity = engine.getIdentityService();
    return new Caller(id,
        identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
  }

  /** Runs a query authenticated as the caller. */
  private <T> T as(Caller caller, Supplier<T> call) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(caller.id(), caller.groups(), caller.tenants());
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs a call with the engine's own statements. */
  private <T> T withEngineStatements(Supplier<T> call) {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> engines = new HashMap<>(ours);
    engines.keySet().removeAll(AuthorizationQueries.REPLACED.keySet());
    sessions.setStatementMappings(engines);
    try {
      return call.get();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  /** Runs a call with pages of groups with fewer offers read from their offers. */
  private <T> T withOffersFirstBelow(long offers, Supplier<T> call) {
    FewOffersFirst chooser = configuration().getSqlSessionFactory().getConfiguration()
        .getInterceptors().stream().filter(FewOffersFirst.class::isInstance)
        .map(FewOffersFirst.class::cast).findFirst().orElseThrow();
    long before = chooser.readOffersFirstBelow(offers);
    try {
      return call.get();
    } finally {
      chooser.readOffersFirstBelow(before);
    }
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
