package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.CATEGORIES;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.api.Failures;
import org.childprotection.registry.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quick start's cases: a handful across districts at different stages, so that a newcomer
 * finds real work in Tasklist and Cockpit. Made once, on an empty registry, in the demo profile,
 * on a thread of their own once the app is ready: they are sample work that nobody waits for to
 * log in, and making them runs the case code for the first time, which takes seconds. The job
 * executor sends their notifications, as for any case. The children are invented.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "minor-protection.demo.cases-enabled", havingValue = "true")
public class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
  /** Longer than the job executor takes to pick up a new job, even on a busy machine. */
  private static final Duration NOTIFICATIONS_WAIT = Duration.ofSeconds(30);

  private final IntakeService intake;
  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final Clock clock;

  public DemoCases(IntakeService intake, ProcessEngine engine, JdbcClient jdbc, Clock clock) {
    this.intake = intake;
    this.engine = engine;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void createInTheBackground() {
    Thread maker = new Thread(() -> {
      try {
        createOnce();
      } catch (RuntimeException e) {
        LOG.warn("Demo cases not created: {}", Failures.describe(e));
      }
    }, "demo-cases");
    maker.setDaemon(true);
    maker.start();
  }

  private void createOnce() {
    if (jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single() > 0) {
      return;
    }
    // 鼓楼: an urgent report; the police and the center are at work.
    open("gulou", "演示儿童甲", 1, true, "DOMESTIC_VIOLENCE");
    // 鼓楼: triaged, the social worker's visit and assessment are due.
    String gulou = open("gulou", "演示儿童乙", 2, false, "LEFT_BEHIND");
    triage(gulou);
    // 栖霞: YELLOW, referred to health and education.
    String qixia = open("qixia", "演示儿童丙", 3, false, "SPECIAL_HARDSHIP");
    triage(qixia);
    assess(qixia, Map.of("guardianHarm", "NEGLECT_OR_VERBAL", "income", "BELOW_DIBAO",
        "needMedical", true, "needSchooling", true));
    // 江宁: RED, waiting for the case conference.
    String jiangning = open("jiangning", "演示儿童丁", 4, false, "DOMESTIC_VIOLENCE");
    triage(jiangning);
    assess(jiangning, Map.of("guardianHarm", "REPEATED_OR_CRIMINAL", "harmInProgress", true));
    // 玄武: GREEN, followed up by visits.
    String xuanwu = open("xuanwu", "演示儿童戊", 5, false, "GUARDIANSHIP_LACKING");
    triage(xuanwu);
    assess(xuanwu, Map.of("guardianHarm", "NONE", "income", "ADEQUATE"));
    // 鼓楼: a guardian who seriously harms and does not change: guardianship intervention, the
    // police are at work.
    String guardianship = open("gulou", "演示儿童己", 6, false, "DOMESTIC_VIOLENCE");
    triage(guardianship);
    assess(guardianship, Map.of("guardianHarm", "REPEATED_OR_CRIMINAL", "harmInProgress", true,
        "guardianSeriousHarmNoChange", true));
    complete(guardianship, "caseConference", Map.of("conferenceDate",
        LocalDate.now(clock).toString(), "participants", List.of("protection-center", "police"),
        "safetyPlan", "演示：启动监护干预"));
    complete(guardianship, "reviewPlan", Map.of("planApproved", true, "reviewNote", "同意"));
    LOG.info("Demo cases created in gulou, qixia, jiangning and xuanwu");
  }

  private String open(String district, String name, int serial, boolean danger,
      String category) {
    LocalDate birth = LocalDate.now(clock).minusYears(6 + serial).minusDays(serial * 37L);
    String idNumber = IdNumber.withCheckCharacter(
        "320106" + birth.toString().replace("-", "") + String.format("%03d", 900 + serial));
    ReportRequest report = new ReportRequest("HOTLINE_12345", "DEMO-" + serial, null,
        new ReportRequest.Reporter("演示报告人", "025-12345", "NEIGHBOUR", null),
        new ReportRequest.Child(name, idNumber, serial % 2 == 0 ? "F" : "M", null, null, "LOCAL"),
        new ReportRequest.Location(district, "演示街道", "演示社区", "演示地址" + serial + "号"),
        List.of(category), danger, "演示案件，非真实数据", null);
    return intake.receive(report, "demo").processInstanceId();
  }

  private void triage(String instance) {
    List<String> categories = CATEGORIES.read(
        engine.getRuntimeService().getVariable(instance, CATEGORIES.name()));
    complete(instance, "triage", Map.of("urgent", false, "triageOutcome", "ASSESS",
        "triageLevel", "YELLOW",
        "confirmedCategories", categories,
        "triageNote", "演示：转区社工走访评估"));
  }

  private void assess(String instance, Map<String, Object> answers) {
    Map<String, Object> variables = new HashMap<>();
    for (String flag : List.of("injuryToPrivateParts", "sexualHarmOrPregnancy",
        "multipleInjuriesOrSevereMalnutrition", "disabilityOrDeathFromAbnormalCause",
        "abandonedOrLongWithoutCare", "unknownOriginMissingOrTrafficked", "organisedBegging",
        "imminentDanger", "harmInProgress", "withoutCare", "livingAlone")) {
      variables.put(flag, false);
    }
    variables.put("income", "ADEQUATE");
    variables.put("visitDate", LocalDate.now(clock).toString());
    variables.put("assessmentNote", "演示评估");
    variables.putAll(answers);
    complete(instance, "assessFamily", variables);
  }

  /**
   * Completes the task once the job executor has run the case's due notifications: they run
   * beside the task and would otherwise change the case under the completion.
   */
  private void complete(String instance, String taskKey, Map<String, Object> variables) {
    long deadline = System.nanoTime() + NOTIFICATIONS_WAIT.toNanos();
    while (engine.getManagementService().createJobQuery().processInstanceId(instance)
        .executable().messages().count() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      LOG.warn("Demo case {} did not reach {}: left where it is", instance, taskKey);
      return;
    }
    engine.getTaskService().complete(task.getId(), variables);
  }
}
