package org.childprotection.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.DeliveryJobs;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.TestModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What we add to the engine's own schema and history (migrations V5, V7, V15, V16 and V17,
 * LeanHistoryEventHandler), and how its jobs are acquired.
 */
class EngineSchemaTest extends PlatformTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  UndatedJobs undatedJobs;

  @Test
  void theIndexesTheEngineLacksAreThere() throws SQLException {
    assertThat(indexes("ACT_RU_AUTHORIZATION"))
        .contains("MP_IDX_AUTH_USER", "MP_IDX_AUTH_TYPE_RESOURCE");
    assertThat(indexes("ACT_RU_JOB")).contains("MP_IDX_JOB_LOCK_EXP", "MP_IDX_JOB_DUEDATE");
    assertThat(indexes("ACT_RU_TASK"))
        .contains("MP_IDX_TASK_DUE_DATE", "MP_IDX_TASK_ASSIGNEE_DUE");
    assertThat(indexes("CHILD")).as("the registry's lookup without an ID number (V8)")
        .contains("IX_CHILD_NAME_DISTRICT");
  }

  @Test
  void theGroupsOffersAreKeptByTheDatabase() throws SQLException {
    assertThat(indexes("MP_TASK_OFFER")).as("a group's offers in due-date order (V17)")
        .contains("MP_IDX_TASK_OFFER_GROUP_DUE", "MP_IDX_TASK_OFFER_TASK");
    Set<String> triggers = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM INFORMATION_SCHEMA.TRIGGERS")) {
      while (rows.next()) {
        triggers.add((rows.getString(1) + " on " + rows.getString(2)).toUpperCase(Locale.ROOT));
      }
    }
    assertThat(triggers).contains("MP_TASK_OFFER_ADDED ON ACT_RU_IDENTITYLINK",
        "MP_TASK_OFFER_CHANGED ON ACT_RU_TASK");
  }

  @Test
  void everyJobIsDueAndAcquisitionTakesTheMostOverdueFirst() throws SQLException {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();

    Date before = new Date(System.currentTimeMillis() - 1000);
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND"));
    assertThat(opened.status()).isEqualTo(201);
    String instance = opened.json().get("processInstanceId").asText();
    // The delivery of the center's notification on the webhook, waiting.
    Date due = DeliveryJobs.single(engine, instance, "notifyCenter").getDuedate();
    assertThat(due).as("an asynchronous step is due when it is created")
        .isNotNull().isAfter(before).isBefore(new Date(System.currentTimeMillis() + 1000));
    try (Connection connection = dataSource.getConnection();
        ResultSet undated = connection.createStatement().executeQuery(
            "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL")) {
      undated.next();
      assertThat(undated.getLong(1)).as("no job that acquisition would skip").isZero();
    }
  }

  @Test
  void aJobWrittenWithoutADueDateIsMadeDue() {
    // A suspended job, which no job executor takes meanwhile, as an older node writes it.
    String key = TestModels.deploy(engine, "undated", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
        <bpmn:serviceTask id="step" camunda:asyncBefore="true" camunda:expression="${true}" />
        <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
        <bpmn:endEvent id="end" />""");
    engine.getManagementService().suspendJobDefinitionByProcessDefinitionKey(key, true);
    String instance = engine.getRuntimeService()
        .startProcessInstanceByKey(key, Map.of("district", "qixia")).getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance)
        .singleResult();
    jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(job.getId()).update();
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult()
        .getDuedate()).isNull();

    Date before = new Date(System.currentTimeMillis() - 1000);
    assertThat(undatedJobs.dateThem()).isGreaterThanOrEqualTo(1);
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult()
        .getDuedate()).isAfter(before).isBefore(new Date(System.currentTimeMillis() + 1000));
    engine.getRuntimeService().deleteProcessInstance(instance, "test done");
  }

  @Test
  void historyKeepsEachVariableButNoCopyOfEveryChangeNorTheRegistrysKeys() {
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND"));
    assertThat(opened.status()).isEqualTo(201);
    String instance = opened.json().get("processInstanceId").asText();
    String caseNumber = opened.json().get("caseNumber").asText();

    HistoryService history = engine.getHistoryService();
    Set<String> running = engine.getRuntimeService().getVariables(instance).keySet();
    Set<String> kept = new HashSet<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance).list()
        .forEach(variable -> kept.add(variable.getName()));
    // adultDate too, which the case starts with as a transient variable: never stored at all.
    Set<String> registryKeys = Set.of("caseId", "childId", "caseNumber", "district", "adultDate");
    assertThat(running).hasSizeGreaterThanOrEqualTo(7)
        .contains("caseId", "childId", "caseNumber", "district").doesNotContain("adultDate");
    assertThat(kept).as("every other variable's last value")
        .containsAll(running.stream().filter(name -> !registryKeys.contains(name)).toList())
        .contains("categories", "urgent", "immediateDanger")
        .doesNotContainAnyElementsOf(registryKeys);
    engine.getRuntimeService().setVariable(instance, "district", "gulou");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("district").count()).as("not even after a change").isZero();
    HistoricProcessInstance historic = history.createHistoricProcessInstanceQuery()
        .processInstanceId(instance).singleResult();
    assertThat(historic.getBusinessKey()).as("the case number stays").isEqualTo(caseNumber);
    assertThat(historic.getTenantId()).as("and the district").isEqualTo("gulou");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count())
        .as("no copy per change").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .as("the steps, not the gateways the path passed")
        .extracting(step -> step.getActivityId())
        .contains("caseOpened", "notifyCenter", "triage")
        .doesNotContain("Gateway_ImmediateDanger", "Gateway_ToTriage");
  }

  @Test
  void theJobLogKeepsEveryAttemptButNoCreations() {
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND"));
    assertThat(opened.status()).isEqualTo(201);
    String instance = opened.json().get("processInstanceId").asText();
    Job notification = DeliveryJobs.single(engine, instance, "notifyCenter");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance)
        .count()).as("the notification's delivery, the triage deadline, the coming of age")
        .isEqualTo(3);

    engine.getManagementService().executeJob(notification.getId());

    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).creationLog()
        .count()).as("no entry per job created").isZero();
    assertThat(history.createHistoricJobLogQuery().jobId(notification.getId()).successLog()
        .singleResult().getProcessInstanceId()).isEqualTo(instance);
  }

  private Set<String> indexes(String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
        try (ResultSet rows = meta.getIndexInfo(null, null, name, false, false)) {
          while (rows.next()) {
            String index = rows.getString("INDEX_NAME");
            if (index != null) {
              names.add(index.toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }
}
