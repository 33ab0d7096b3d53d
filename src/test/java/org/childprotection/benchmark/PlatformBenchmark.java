package org.childprotection.benchmark;

import static org.childprotection.benchmark.Figure.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.childprotection.discovery.LedgerFiles;
import org.childprotection.intake.CaseProcess;
import org.childprotection.intake.IntakeService;
import org.childprotection.organisation.District;
import org.childprotection.process.ProcessVariables;
import org.childprotection.registry.Cases;
import org.childprotection.registry.Children;
import org.childprotection.support.Http;
import org.childprotection.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's figures (issue 7): each one against a baseline measured in the same run, so the
 * ratio holds on a noisy machine. Not a test: it prints a table and asserts nothing about time.
 * Run it with {@code mvn -P bench test}, which runs it on H2 and on PostgreSQL; sizes and times
 * are system properties {@code bench.*} (see docs/benchmarks.md).
 */
@Tag("benchmark")
class PlatformBenchmark {

  private static final String ONE_TASK_PROCESS = "benchOneTask";
  /**
   * The intake figure's children: not named like the populated ones (基准儿童), whom the name
   * search (6b) looks for. Run before the figures at scale, the intake's thousands of reports
   * would otherwise give the search five times as many matches at 100,000 cases as at 1,000.
   */
  private static final String INTAKE_CHILD = "测速少年";
  private static final String TRIAGE = "triage";
  private static final String ASSESSMENT_FORK = "Gateway_AssessmentFork";
  private static final String FIRST_CONTACT = "firstContact";
  /** The center's triage: not urgent, level yellow, to be assessed in the district. */
  private static final String TRIAGE_ANSWERS =
      "{\"variables\":{\"urgent\":{\"value\":false,\"type\":\"Boolean\"},"
      + "\"triageLevel\":{\"value\":\"YELLOW\",\"type\":\"String\"},"
      + "\"triageOutcome\":{\"value\":\"ASSESS\",\"type\":\"String\"},"
      + "\"confirmedCategories\":{\"value\":\"[\\\"LEFT_BEHIND\\\"]\",\"type\":\"Json\"}}}";
  /** One open case in so many is past triage, in its district's hands. */
  private static final int TRIAGED_ONE_IN = 5;
  private static final int POPULATE_BATCH = 50;
  /** ACT_HI_JOB_LOG.JOB_STATE_ of a failed and of a successful attempt. */
  private static final int JOB_FAILED = JobState.FAILED.getStateCode();
  private static final int JOB_DONE = JobState.SUCCESSFUL.getStateCode();

  private final int cases = Benchmarks.setting("cases", 100_000);
  private final int baselineCases = Benchmarks.setting("baseline-cases", 1_000);
  private final int clients = Benchmarks.setting("clients", 8);
  private final int seconds = Benchmarks.setting("seconds", 15);
  private final int warmup = Benchmarks.setting("warmup", 5);
  private final int queries = Benchmarks.setting("queries", 300);
  private final int stormSeconds = Benchmarks.setting("storm-seconds", 60);
  private final int completionPauseMillis = Benchmarks.setting("completion-pause-ms", 200);
  private final int ledgerRows = Benchmarks.setting("ledger-rows", 200_000);
  private final int ledgerAtRiskOneIn = Benchmarks.setting("ledger-at-risk-one-in", 100);
  private final int populateThreads = Benchmarks.setting("populate-threads", 4);

  /** Which figures to measure: {@code -Dbench.figures=intake,storm} measures only those two. */
  private final Set<String> measured =
      Benchmarks.names("figures",
          "intake,intake-side-by-side,task-list,case-file,storm,ledger,big-ledger,startup");

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> realCases = new CopyOnWriteArrayList<>();
  /** A case the intake opened and the center triaged: its variables start the added ones. */
  private String triagedCase;

  @Test
  void measure() throws Exception {
    log("benchmark on %s: %,d open cases (baseline %,d), %d clients, %d s per measurement",
        Benchmarks.database(), cases, baselineCases, clients, seconds);
    if (measuring("intake-side-by-side")) {
      SideBySideIntake.requireTools();
    }
    try (BenchApp app = BenchApp.start(TestDatabase.freshDatabaseUrl())) {
      deployOneTaskProcess(app.engine());
      populateThroughIntake(app, baselineCases);
      Map<TaskListView, LoadMeasurement.Latencies> fewCases =
          measuring("task-list") ? taskListLatencies(app) : null;
      CaseFileLatencies fewFiles = measuring("case-file") ? caseFileLatencies(app) : null;
      if (measuring("intake")) {
        intakeThroughput(app);
        deleteOneTaskInstances(app.engine());
      }
      if (measuring("task-list") || measuring("case-file") || measuring("storm")) {
        addOpenCases(app, cases - openCases(app.engine()));
        holdForInspection(app);
      }
      if (measuring("task-list")) {
        taskListFigures(fewCases, taskListLatencies(app));
      }
      if (measuring("case-file")) {
        caseFileFigure(fewFiles, caseFileLatencies(app));
      }
      if (measuring("storm")) {
        timerStorm(app);
      }
      if (measuring("ledger")) {
        ledgerImport(app);
      }
    }
    if (measuring("intake-side-by-side")) {
      SideBySideIntake.measure(figures);
    }
    if (measuring("big-ledger")) {
      BigLedgerFigures.measure(figures, ledgerAtRiskOneIn);
    }
    if (measuring("startup")) {
      StartupFigures.measure(figures);
    }
    report();
  }

  private boolean measuring(String figure) {
    return measured.contains(figure);
  }

  // --- 1. intake throughput -----------------------------------------------------------------

  private void intakeThroughput(BenchApp app) throws InterruptedException {
    Http[] workers = new Http[clients];
    Http[] reporters = new Http[clients];
    for (int i = 0; i < clients; i++) {
      workers[i] = app.as("gulou");
      reporters[i] = app.as("center");
    }
    District[] districts = District.values();
    String start = "/engine-rest/process-definition/key/" + ONE_TASK_PROCESS + "/start";
    LoadMeasurement.Call bare =
        (client, n) -> workers[client].postJson(start, "{}").status() == 200;
    LoadMeasurement.Call intake = (client, n) -> reporters[client].postJson("/api/reports",
        Benchmarks.reportBody(districts[(int) (n % districts.length)], INTAKE_CHILD))
        .status() == 201;

    LoadMeasurement.rate(clients, warmup, bare);
    LoadMeasurement.rate(clients, warmup, intake);
    drainDueJobs(app, Duration.ofMinutes(10));
    analyze(app);
    double bareSum = 0;
    double intakeSum = 0;
    for (int round = 1; round <= 2; round++) {
      LoadMeasurement.Rate b = LoadMeasurement.rate(clients, seconds, bare);
      int triagesBefore = openTriages(app.engine());
      LoadMeasurement.Rate i = LoadMeasurement.rate(clients, seconds, intake);
      // A report's answer comes with its triage task (the center's notification runs beside
      // it, as a job): every report answered must be at triage by now. The clients' last calls,
      // answered after the window, are at triage but not counted.
      int reachedTriage = openTriages(app.engine()) - triagesBefore;
      if (reachedTriage < i.successes() || reachedTriage > i.successes() + clients) {
        throw new IllegalStateException(i.successes() + " reports answered in time, but "
            + reachedTriage + " at triage");
      }
      long drainStart = System.nanoTime();
      drainDueJobs(app, Duration.ofMinutes(10));
      double drain = (System.nanoTime() - drainStart) / 1e9;
      log("intake round %d: bare engine %.1f/s (%d failed), reports %.1f/s to triage "
          + "(%d failed; their notifications were all sent %.1f s after the last report)",
          round, b.perSecond(), b.failures(), i.perSecond(), i.failures(), drain);
      failOn(b.failures() + i.failures(), "calls failed during the intake measurement");
      bareSum += b.perSecond();
      intakeSum += i.perSecond();
    }
    double ratio = intakeSum / bareSum;
    figures.add(Figure.withGoal("1. Intake: reports/s to triage, " + clients + " clients",
        format("%.1f/s", intakeSum / 2), format("%.1f/s bare engine start", bareSum / 2),
        ratio, "≥ 0.6", ratio >= 0.6));
  }

  /**
   * Brings PostgreSQL's statistics up to date, as autovacuum does on a running system: the
   * warm-up has just grown tables from nearly empty, and both sides should run on the same,
   * current statistics rather than on whatever autovacuum's last pass saw.
   */
  private static void analyze(BenchApp app) {
    if (TestDatabase.isPostgres()) {
      app.jdbc().execute("ANALYZE");
    }
  }

  private static void deployOneTaskProcess(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("benchmark")
        .addModelInstance(ONE_TASK_PROCESS + ".bpmn", Bpmn.createExecutableProcess(ONE_TASK_PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("task").name("基准任务")
            .camundaCandidateGroups("protection-center").endEvent().done())
        .deploy();
    // Members start only the registration processes; this one is the baseline's, started by
    // gulou's district as a bare app's user would start it.
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("district-gulou");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(ONE_TASK_PROCESS);
    grant.addPermission(Permissions.READ);
    grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
  }

  private static void deleteOneTaskInstances(ProcessEngine engine) {
    List<String> ids;
    while (!(ids = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ONE_TASK_PROCESS).listPage(0, 1000).stream()
        .map(p -> p.getId()).toList()).isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(ids, "benchmark", true, true);
    }
  }

  // --- 2. task lists at scale ---------------------------------------------------------------

  /**
   * A filter of ours as one demo user opens it in Tasklist: the filters sort by due date, and
   * so does our Tasklist's default sorting (scripts/task-list-sorting.js), which Tasklist adds
   * after the filter's; it asks for active tasks only.
   */
  private record TaskListView(String figure, String user, String filter) {}

  private static final List<TaskListView> TASK_LISTS = List.of(
      new TaskListView("全部任务 of a district worker (gulou)", "gulou", "全部任务"),
      new TaskListView("本组待办 of the protection center", "center", "本组待办"),
      new TaskListView("我的任务 of a district worker (gulou)", "gulou", "我的任务"),
      new TaskListView("本组待办 of a district worker (gulou)", "gulou", "本组待办"));

  private static final int PAGE_SIZE = 15;
  /** Tasklist's first page: the query in the path, and again in the body. */
  private static final String FIRST_PAGE =
      "/list?firstResult=0&maxResults=" + PAGE_SIZE;
  /** The body Tasklist posts for a filter's first page (our default sorting, active tasks). */
  private static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],"
      + "\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":" + PAGE_SIZE + ","
      + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";

  private Map<TaskListView, LoadMeasurement.Latencies> taskListLatencies(BenchApp app) {
    log("task lists with %,d open cases:", openCases(app.engine()));
    Map<TaskListView, Http> sessions = new LinkedHashMap<>();
    for (TaskListView view : TASK_LISTS) {
      sessions.put(view, app.tasklistSession(view.user())
          .header("Accept", "application/hal+json, application/json; q=0.5"));
    }
    // Every view untimed first: the one timed first would otherwise pay for warming up the app.
    sessions.forEach((view, hal) -> timedPosts(hal, filterPath(app, view.filter()) + FIRST_PAGE,
        TASKLIST_QUERY, Math.max(20, queries / 10), 0, page -> { }));
    Map<TaskListView, LoadMeasurement.Latencies> latencies = new LinkedHashMap<>();
    sessions.forEach((view, hal) -> latencies.put(view, taskListLatencies(app, view, hal)));
    return latencies;
  }

  /**
   * The view's first page as Tasklist asks for it: HAL, i.e. the page, the filter's count and
   * the page's process definitions and assignees in one answer. Printed beside it, not a
   * figure: the parts of that answer (the page alone as plain JSON, the filter's count alone).
   */
  private LoadMeasurement.Latencies taskListLatencies(BenchApp app, TaskListView view,
      Http hal) {
    String filter = filterPath(app, view.filter());
    AtomicLong count = new AtomicLong();
    LoadMeasurement.Latencies latencies = timedPosts(hal, filter + FIRST_PAGE, TASKLIST_QUERY,
        Math.max(20, queries / 10), queries, page -> {
          int tasks =
              page.status() == 200 ? page.json().path("_embedded").path("task").size() : 0;
          count.set(page.status() == 200 ? page.json().path("count").asLong() : 0);
          if (count.get() == 0 || tasks != Math.min(PAGE_SIZE, count.get())) {
            throw new IllegalStateException(view.filter() + " of " + view.user()
                + " answered " + page.status() + " with "
                + (page.status() == 200 ? tasks + " tasks of " + count : page.body()));
          }
        });
    Http json = app.tasklistSession(view.user()).header("Accept", "application/json");
    log("  %s: %,d tasks; median %.1f ms, p95 %.1f ms over %d queries (the page alone %s; "
        + "the count alone %s)", view.figure(), count.get(), latencies.median(),
        latencies.p95(), latencies.count(), timed(json, filter + FIRST_PAGE, TASKLIST_QUERY),
        timed(json, filter + "/count", TASKLIST_QUERY));
    return latencies;
  }

  private String timed(Http session, String path, String body) {
    int calls = Math.max(20, queries / 3);
    LoadMeasurement.Latencies latencies = timedPosts(session, path, body, calls / 4, calls,
        answer -> {
          if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status());
          }
        });
    return format("median %.1f ms, p95 %.1f ms", latencies.median(), latencies.p95());
  }

  /**
   * The latencies of {@code calls} posts, after {@code warmup} untimed ones; {@code check}
   * stops the run on a wrong answer.
   */
  private static LoadMeasurement.Latencies timedPosts(Http session, String path, String body,
      int warmup, int calls, Consumer<Http.Response> check) {
    for (int i = 0; i < warmup; i++) {
      session.postJson(path, body);
    }
    LoadMeasurement.Latencies latencies = new LoadMeasurement.Latencies();
    for (int i = 0; i < calls; i++) {
      long started = System.nanoTime();
      Http.Response answer = session.postJson(path, body);
      latencies.add(started);
      check.accept(answer);
    }
    return latencies;
  }

  private static String filterPath(BenchApp app, String filterName) {
    return "/camunda/api/engine/engine/default/filter/" + app.engine().getFilterService()
        .createTaskFilterQuery().filterName(filterName).singleResult().getId();
  }

  /** Figures 2a, 2b, …: each view's median and p95 at scale against its own at 1,000 cases. */
  private void taskListFigures(Map<TaskListView, LoadMeasurement.Latencies> few,
      Map<TaskListView, LoadMeasurement.Latencies> many) {
    char letter = 'a';
    for (TaskListView view : TASK_LISTS) {
      figures.add(taskListFigure(letter++, view, "median", few.get(view).median(),
          many.get(view).median()));
      figures.add(taskListFigure(letter++, view, "p95", few.get(view).p95(),
          many.get(view).p95()));
    }
  }

  private Figure taskListFigure(char letter, TaskListView view, String statistic, double few,
      double many) {
    double ratio = many / few;
    return Figure.withGoal(format("2%c. Task list: %s, %s, %,d cases", letter, view.figure(),
        statistic, cases), format("%.1f ms", many),
        format("%.1f ms with %,d cases", few, baselineCases), ratio, "≤ 2", ratio <= 2);
  }

  // --- 6. the case file at scale ------------------------------------------------------------

  /** The case page and a name search, as a 鼓楼 worker asks for them. */
  private record CaseFileLatencies(LoadMeasurement.Latencies page,
      LoadMeasurement.Latencies search) {}

  /**
   * A 鼓楼 case opened through the intake read as its district's worker (the whole page, with
   * its timeline), and a search by part of a name ("儿童", in the name of every child of the
   * first 1,000 cases, and of no child added later), which reads the child and guardian tables:
   * both at 1,000 and at {@code cases} cases.
   */
  private CaseFileLatencies caseFileLatencies(BenchApp app) {
    String caseNumber = app.jdbc().queryForObject("SELECT MIN(case_number) FROM protection_case "
        + "WHERE district = 'gulou' AND case_number NOT LIKE 'NJ-BENCH-%'", String.class);
    Http gulou = app.as("gulou");
    int calls = Math.max(20, queries / 3);
    // As many untimed calls first: at 1,000 cases they are the app's first reads of a case.
    LoadMeasurement.Latencies page = timedGets(gulou, "/api/cases/" + caseNumber, calls, calls);
    LoadMeasurement.Latencies search = timedGets(gulou, "/api/cases?q=%E5%84%BF%E7%AB%A5", calls,
        calls);
    Long registered = app.jdbc().queryForObject("SELECT COUNT(*) FROM protection_case",
        Long.class);
    Long matching = app.jdbc().queryForObject("SELECT COUNT(*) FROM child WHERE name LIKE ?",
        Long.class, "%儿童%");
    log("case file with %,d registered cases: page median %.1f ms, p95 %.1f ms; name search "
        + "(%,d children match) median %.1f ms, p95 %.1f ms", registered, page.median(),
        page.p95(), matching, search.median(), search.p95());
    return new CaseFileLatencies(page, search);
  }

  private static LoadMeasurement.Latencies timedGets(Http session, String path, int warmup,
      int calls) {
    for (int i = 0; i < warmup; i++) {
      session.get(path);
    }
    LoadMeasurement.Latencies latencies = new LoadMeasurement.Latencies();
    for (int i = 0; i < calls; i++) {
      long started = System.nanoTime();
      Http.Response answer = session.get(path);
      latencies.add(started);
      if (answer.status() != 200) {
        throw new IllegalStateException(path + " answered " + answer.status());
      }
    }
    return latencies;
  }

  private void caseFileFigure(CaseFileLatencies few, CaseFileLatencies many) {
    // Issue 15's goals: each answers in p95 ≤ 50 ms at the city's size, at most twice its
    // figure with 1,000 cases.
    double pageRatio = many.page().p95() / few.page().p95();
    figures.add(Figure.withGoal(format("6a. Case page, p95, %,d cases", cases),
        format("%.1f ms", many.page().p95()),
        format("%.1f ms with %,d cases", few.page().p95(), baselineCases), pageRatio,
        "p95 ≤ 50 ms, ≤ 2×", many.page().p95() <= 50 && pageRatio <= 2));
    double searchRatio = many.search().p95() / few.search().p95();
    figures.add(Figure.withGoal(format("6b. Name search, p95, %,d cases", cases),
        format("%.1f ms", many.search().p95()),
        format("%.1f ms with %,d cases", few.search().p95(), baselineCases), searchRatio,
        "p95 ≤ 50 ms, ≤ 2×", many.search().p95() <= 50 && searchRatio <= 2));
  }

  // --- 3. timer storm -----------------------------------------------------------------------

  private void timerStorm(BenchApp app) throws InterruptedException {
    drainDueJobs(app, Duration.ofMinutes(30));
    LoadMeasurement.Latencies quiet = completeTriages(app, stormSeconds / 2);
    drainDueJobs(app, Duration.ofMinutes(5));

    // Every deadline timer of every open case comes due now, as after a long holiday.
    Timestamp now = new Timestamp(System.currentTimeMillis());
    int timers = app.jdbc().update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? "
        + "WHERE HANDLER_TYPE_ = 'timer-transition' AND DUEDATE_ > ?", now, now);
    // An idle job executor looks for due jobs again only after its back-off (up to a minute);
    // the storm is measured from its first job on.
    long pickedUp = awaitFirstJobSince(app, now, Duration.ofMinutes(3));
    log("timer storm: the job executor took its first job %.1f s after the timers came due",
        pickedUp / 1000.0);
    long stormStart = System.currentTimeMillis();
    LoadMeasurement.Latencies storm = completeTriages(app, stormSeconds);
    double elapsed = (System.currentTimeMillis() - stormStart) / 1000.0;
    long jobs = jobLogEntries(app, JOB_DONE, new Timestamp(stormStart));
    Long dueTimersLeft = app.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB "
        + "WHERE HANDLER_TYPE_ = 'timer-transition' AND DUEDATE_ <= ?", Long.class, now);
    long failures = jobLogEntries(app, JOB_FAILED, new Timestamp(stormStart));
    double jobsPerSecond = jobs / elapsed;
    log("timer storm: %,d timers due at once; %,d jobs done in %.0f s (%.1f/s, %,d attempts "
        + "failed), %,d timers left; completion p95 %.1f ms (quiet %.1f ms)", timers, jobs,
        elapsed, jobsPerSecond, failures, dueTimersLeft, storm.p95(), quiet.p95());
    failOn(failures, "job attempts failed during the timer storm");
    double ratio = storm.p95() / quiet.p95();
    figures.add(Figure.recorded(format("3a. Timer storm: jobs/s, %,d timers due", timers),
        format("%.1f jobs/s", jobsPerSecond),
        format("%,d of %,d timers fired in %.0f s", timers - dueTimersLeft, timers, elapsed),
        (timers - dueTimersLeft) / (double) timers));
    figures.add(Figure.withGoal("3b. Timer storm: task completion p95",
        format("%.1f ms during the storm", storm.p95()), format("%.1f ms without", quiet.p95()),
        ratio, "≤ 2", ratio <= 2));
  }

  /**
   * A caseworker of the protection center triages case after case through the engine REST API
   * (as Tasklist does), with a short pause between tasks, for the given time.
   */
  private LoadMeasurement.Latencies completeTriages(BenchApp app, int forSeconds)
      throws InterruptedException {
    Http center = app.as("center");
    LoadMeasurement.Latencies latencies = new LoadMeasurement.Latencies();
    long end = System.nanoTime() + forSeconds * 1_000_000_000L;
    List<Task> queue = new ArrayList<>();
    int conflicts = 0;
    while (System.nanoTime() < end) {
      if (queue.isEmpty()) {
        queue.addAll(app.engine().getTaskService().createTaskQuery().taskDefinitionKey(TRIAGE)
            .processInstanceIdIn(realCases.subList(0, Math.min(200, realCases.size()))
                .toArray(String[]::new)).list());
        if (queue.isEmpty()) {
          throw new IllegalStateException("no real case left at triage; raise bench.baseline-cases");
        }
      }
      Task task = queue.remove(0);
      realCases.remove(task.getProcessInstanceId());
      long started = System.nanoTime();
      Http.Response done = center.postJson("/engine-rest/task/" + task.getId() + "/complete",
          TRIAGE_ANSWERS);
      latencies.add(started);
      if (done.status() == 409) {
        // A deadline timer of that case fired at the same moment: the caseworker is told to
        // look again, as in real life. The answer's time counts like any other.
        conflicts++;
      } else if (done.status() != 204) {
        throw new IllegalStateException("completing a triage answered " + done.status() + " "
            + done.body());
      }
      Thread.sleep(completionPauseMillis);
    }
    if (conflicts > 0) {
      log("%d of %d completions met a timer of their case at the same moment (409)",
          conflicts, latencies.count());
    }
    return latencies;
  }

  /** Milliseconds until the job log shows a job done after {@code since}. */
  private static long awaitFirstJobSince(BenchApp app, Timestamp since, Duration within)
      throws InterruptedException {
    long start = System.currentTimeMillis();
    while (System.currentTimeMillis() - start < within.toMillis()) {
      if (jobLogEntries(app, JOB_DONE, since) > 0) {
        return System.currentTimeMillis() - start;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no job ran within " + within + " of the storm");
  }

  /** Entries of the engine's job log in a state ({@code JOB_STATE_}) since a moment. */
  private static long jobLogEntries(BenchApp app, int state, Timestamp since) {
    return app.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG "
        + "WHERE JOB_STATE_ = ? AND TIMESTAMP_ >= ?", Long.class, state, since);
  }

  private static void drainDueJobs(BenchApp app, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    long due;
    while ((due = dueJobs(app)) > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(due + " jobs still due after " + within);
      }
      Thread.sleep(50);
    }
  }

  private static long dueJobs(BenchApp app) {
    return app.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 "
        + "AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)", Long.class,
        new Timestamp(System.currentTimeMillis()));
  }

  // --- 4. ledger import ---------------------------------------------------------------------

  private void ledgerImport(BenchApp app) throws IOException, InterruptedException {
    Path path = Files.createTempFile("bench-ledger", ".csv");
    try {
      LedgerFiles.write(path, ledgerRows, "320113", ledgerAtRiskOneIn);
      double readPerSecond = LedgerFiles.readingRate(path);

      HeapPeak heap = new HeapPeak();
      long started = System.nanoTime();
      JsonNode report = LedgerFiles.imported(app.as("qixia"), path);
      double elapsed = (System.nanoTime() - started) / 1e9;
      long peak = heap.stop();
      if (!report.get("status").asText().equals("DONE")
          || report.get("accepted").asInt() != ledgerRows) {
        throw new IllegalStateException("ledger import ended " + report);
      }
      double perSecond = ledgerRows / elapsed;
      log("ledger: %,d rows, 1 in %d at risk (%,d cases opened), in %.1f s (%.0f rows/s; "
          + "reading alone %.0f rows/s); heap %d MB before, peak %d MB", ledgerRows,
          ledgerAtRiskOneIn, report.get("casesOpened").asInt(), elapsed, perSecond,
          readPerSecond, heap.before() >> 20, peak >> 20);
      figures.add(Figure.withGoal(format("4a. Ledger import: rows/s, %,d rows, 1 in %d at risk",
              ledgerRows, ledgerAtRiskOneIn), format("%.0f rows/s", perSecond),
          format("%.0f rows/s reading the file alone", readPerSecond),
          perSecond / readPerSecond, "≥ 5,000 rows/s", perSecond >= 5_000));
      figures.add(Figure.recorded("4b. Ledger import: peak heap",
          format("%d MB", peak >> 20), format("%d MB before the import (file %.1f MB)",
              heap.before() >> 20, Files.size(path) / 1048576.0),
          peak / (double) heap.before()));
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** The highest heap use seen, sampled every few milliseconds, from a collected start. */
  private static final class HeapPeak {
    private final AtomicLong peak = new AtomicLong();
    private final long before;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapPeak() {
      System.gc();
      before = used();
      sampler = new Thread(() -> {
        while (running) {
          peak.accumulateAndGet(used(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    long before() {
      return before;
    }

    long stop() throws InterruptedException {
      running = false;
      sampler.join();
      return peak.get();
    }

    private static long used() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }

  // --- populating ---------------------------------------------------------------------------

  /**
   * Opens so many cases through the intake service (registry, process, notifications), as
   * reports would, and waits until each has reached triage. One in {@value #TRIAGED_ONE_IN}
   * (the same share in every district) is then triaged (see {@link #triage}); the others are
   * remembered: the timer storm's caseworker triages these real cases.
   */
  private void populateThroughIntake(BenchApp app, int count) throws Exception {
    IntakeService intake = app.bean(IntakeService.class);
    District[] districts = District.values();
    List<String> toTriage = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    inParallel(count, n -> (n % TRIAGED_ONE_IN == 0 ? toTriage : realCases).add(intake.receive(
        Benchmarks.report(districts[(int) (n % districts.length)]), "benchmark")
        .processInstanceId()));
    drainDueJobs(app, Duration.ofMinutes(30));
    triage(app, toTriage);
    log("opened %,d cases through the intake in %.0f s, %,d of them triaged", count,
        (System.nanoTime() - started) / 1e9, toTriage.size());
  }

  /**
   * The protection center triages the cases (to be assessed in their district), and the
   * district's social worker takes on each first contact: the district's 本组待办 then holds the
   * assessments, the worker's 我的任务 the first contacts.
   */
  private void triage(BenchApp app, List<String> instances) {
    triagedCase = instances.get(0);
    Http center = app.as("center");
    TaskService tasks = app.engine().getTaskService();
    for (Task triage : tasks.createTaskQuery().taskDefinitionKey(TRIAGE)
        .processInstanceIdIn(instances.toArray(String[]::new)).list()) {
      Http.Response done = center.postJson("/engine-rest/task/" + triage.getId() + "/complete",
          TRIAGE_ANSWERS);
      if (done.status() != 204) {
        throw new IllegalStateException("triage answered " + done.status() + " " + done.body());
      }
    }
    for (String instance : instances) {
      takeOnFirstContact(app, instance);
    }
  }

  /** The first contact of a case, claimed by its district's worker (in the demo, gulou's is gulou). */
  private static void takeOnFirstContact(BenchApp app, String instance) {
    TaskService tasks = app.engine().getTaskService();
    Task firstContact = tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(FIRST_CONTACT).singleResult();
    tasks.claim(firstContact.getId(), firstContact.getTenantId());
  }

  /**
   * Adds so many open cases, spread over the 11 districts: instances of the case process
   * started at the triage task with the variables of a case the intake opened, and one in
   * {@value #TRIAGED_ONE_IN} past triage (at its first contact, taken on, and its assessment)
   * with those of a triaged one (the intake's registry writes and notifications are left out,
   * to fill the database in minutes rather than hours; the task lists and the timers see the
   * same rows as for real cases).
   */
  private void addOpenCases(BenchApp app, int count) throws Exception {
    if (count <= 0) {
      return;
    }
    RuntimeService runtime = app.engine().getRuntimeService();
    Map<String, Object> atTriage = runtime.getVariables(realCases.get(0));
    Map<String, Object> triaged = runtime.getVariables(triagedCase);
    District[] districts = District.values();
    long started = System.nanoTime();
    TransactionTemplate transaction = new TransactionTemplate(
        app.bean(PlatformTransactionManager.class));
    int batches = (count + POPULATE_BATCH - 1) / POPULATE_BATCH;
    // Many starts share a transaction: fewer commits, the same rows.
    inParallel(batches, batch -> transaction.executeWithoutResult(status -> {
      long first = (batch - 1) * POPULATE_BATCH + 1;
      for (long n = first; n < first + POPULATE_BATCH && n <= count; n++) {
        boolean pastTriage = n % TRIAGED_ONE_IN == 0;
        Map<String, Object> variables = new HashMap<>(pastTriage ? triaged : atTriage);
        District district = districts[(int) (n % districts.length)];
        String caseNumber = format("NJ-BENCH-%07d", n);
        // The case's own registry rows and numbers: its steps check them (CaseBinding).
        long[] registered = registerCase(app, n, district, caseNumber);
        variables.put(ProcessVariables.DISTRICT.name(), district.code());
        variables.put(ProcessVariables.CASE_NUMBER.name(), caseNumber);
        variables.put(ProcessVariables.CASE_ID.name(), registered[0]);
        variables.put(ProcessVariables.CHILD_ID.name(), registered[1]);
        variables.put(ProcessVariables.ADULT_DATE.name(), Variables.dateValue(Date.from(
            LocalDate.now().plusYears(9).atStartOfDay(ZoneId.systemDefault()).toInstant()), true));
        String instance = runtime.createProcessInstanceByKey(CaseProcess.PROCESS_KEY)
            .businessKey(caseNumber).setVariables(variables)
            .startBeforeActivity(pastTriage ? ASSESSMENT_FORK : TRIAGE)
            .execute(true, true).getId();
        // Started past its start event, whose listener registers a case with its instance.
        app.bean(JdbcClient.class).sql(
                "UPDATE protection_case SET process_instance_id = ? WHERE id = ?")
            .params(instance, registered[0]).update();
        if (pastTriage) {
          takeOnFirstContact(app, instance);
        }
      }
      if (batch % (10_000 / POPULATE_BATCH) == 0) {
        log("  %,d of %,d cases added (%.0f/s)", batch * POPULATE_BATCH, count,
            batch * POPULATE_BATCH / ((System.nanoTime() - started) / 1e9));
      }
    }));
    log("added %,d open cases in %.0f s", count, (System.nanoTime() - started) / 1e9);
  }

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  private static final String GIVEN = "安柏晨丹芳桂涵华慧佳静娟凯兰丽琳玲敏楠琪蓉珊婷薇雯霞欣雪妍瑶怡颖悦芸臻";

  /**
   * The registry's rows of an added case (child, guardian, case; its id and the child's), so
   * that the case page and the search read as many rows as in a city with that many cases.
   * Names are drawn from common surnames and given characters.
   */
  private static long[] registerCase(BenchApp app, long n, District district,
      String caseNumber) {
    String name = SURNAMES.charAt((int) (n % SURNAMES.length()))
        + "" + GIVEN.charAt((int) (n / 7 % GIVEN.length()))
        + GIVEN.charAt((int) (n / 13 % GIVEN.length()));
    long child = app.bean(Children.class).insert(new Children.Child(0, name, "F",
        LocalDate.now().minusYears(9), null, null, "LOCAL", district.code(), "街道", "社区",
        "地址" + n + "号"));
    app.bean(Children.class).addGuardian(child, new Children.Guardian(
        SURNAMES.charAt((int) (n % SURNAMES.length())) + "某某", "父亲",
        format("139%08d", n), "外出务工"));
    Cases registry = app.bean(Cases.class);
    long caseId = registry.open(caseNumber, child, district.code(), "LEFT_BEHIND", false, false,
        null);
    return new long[] {caseId, child};
  }

  private interface Step {
    void run(long n) throws Exception;
  }

  private void inParallel(int count, Step step) throws Exception {
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(populateThreads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < populateThreads; t++) {
        parts.add(pool.submit(() -> {
          long n;
          while ((n = next.incrementAndGet()) <= count) {
            step.run(n);
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * With {@code -Dbench.hold-seconds=N}, waits N seconds once the database is full, so that
   * query plans can be looked at (psql on the URL printed) while the app runs.
   */
  private void holdForInspection(BenchApp app) throws InterruptedException {
    int hold = Benchmarks.setting("hold-seconds", 0);
    if (hold > 0) {
      log("holding %d s: app on port %d, database %s", hold, app.port(),
          app.jdbc().queryForObject("SELECT CURRENT_DATABASE()", String.class));
      Thread.sleep(hold * 1000L);
    }
  }

  private static int openCases(ProcessEngine engine) {
    return (int) engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.PROCESS_KEY).count();
  }

  private static int openTriages(ProcessEngine engine) {
    return (int) engine.getTaskService().createTaskQuery().taskDefinitionKey(TRIAGE).count();
  }

  // --- the table ----------------------------------------------------------------------------

  private void report() throws IOException {
    StringBuilder table = new StringBuilder();
    table.append(format("%n### %s, %s, %s%n%n", Benchmarks.database(), LocalDate.now(),
        machine()));
    table.append("| figure | measured | baseline (same run) | ratio | goal | met |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (Figure figure : figures) {
      table.append(figure.row()).append('\n');
    }
    System.out.println(table);
    Path out = Path.of("target", "benchmarks", "results-" + Benchmarks.database() + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
    log("results written to %s", out);
  }

  private static String machine() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return format("%s, %d cores, %d MB heap max, Java %s", host,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
  }

  private static void failOn(long failures, String what) {
    if (failures > 0) {
      throw new IllegalStateException(failures + " " + what);
    }
  }

  static void log(String pattern, Object... values) {
    System.out.println("[bench] " + format(pattern, values));
  }
}
