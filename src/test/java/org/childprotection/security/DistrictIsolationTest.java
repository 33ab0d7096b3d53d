package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.childprotection.deployment.ModelDeployer;
import org.childprotection.support.Http;
import org.childprotection.support.PersonalData;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.Probe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A district's staff see only their district's cases, through every API, because the engine's
 * tenant check says so. The district groups may read every instance, task and history entry
 * (see OrganisationSetup), so only the tenant stands between 鼓楼 and 栖霞 here.
 */
class DistrictIsolationTest extends PlatformTest {

  private static final String GULOU_SECRET = "鼓楼测试儿童";
  private static final String QIXIA_SECRET = "栖霞测试儿童";

  private Probe probe;
  private ProcessInstance gulou;
  private ProcessInstance qixia;
  private String qixiaTask;

  @BeforeEach
  void twoCasesInTwoDistricts() {
    PersonalData.childName(GULOU_SECRET);
    PersonalData.childName(QIXIA_SECRET);
    probe = Probe.unique();
    new ModelDeployer(engine.getRepositoryService(), "isolation-" + probe.processKey())
        .deploy(List.of(probe.process(), probe.form()));
    gulou = engine.getRuntimeService().startProcessInstanceByKey(probe.processKey(),
        Map.of("district", "gulou", "childName", GULOU_SECRET));
    qixia = engine.getRuntimeService().startProcessInstanceByKey(probe.processKey(),
        Map.of("district", "qixia", "childName", QIXIA_SECRET));
    qixiaTask = engine.getTaskService().createTaskQuery().processInstanceId(qixia.getId())
        .singleResult().getId();
    // Districts read the history of the platform's processes, granted per process
    // (OrganisationSetup); the probe is granted the same way.
    grantOnProbe(List.of("district-gulou", "district-qixia"),
        ProcessDefinitionPermissions.READ_HISTORY);
  }

  private void grantOnProbe(List<String> groups, ProcessDefinitionPermissions permission) {
    for (String group : groups) {
      Authorization grant = engine.getAuthorizationService().createAuthorizationQuery()
          .groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
          .resourceId(probe.processKey()).singleResult();
      if (grant == null) {
        grant = engine.getAuthorizationService()
            .createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(probe.processKey());
      }
      grant.addPermission(permission);
      engine.getAuthorizationService().saveAuthorization(grant);
    }
  }

  @Test
  void eachInstanceCarriesItsDistrictAsTenant() {
    assertThat(gulou.getTenantId()).isEqualTo("gulou");
    assertThat(qixia.getTenantId()).isEqualTo("qixia");
  }

  @Test
  void aDistrictUserSeesOnlyTheirDistrictThroughTheEngineRestApi() {
    Http gulouUser = as("gulou");
    String key = probe.processKey();

    assertThat(ids(gulouUser.get("/engine-rest/process-instance?processDefinitionKey=" + key)))
        .containsExactly(gulou.getId());
    assertThat(ids(as("qixia").get("/engine-rest/process-instance?processDefinitionKey=" + key)))
        .containsExactly(qixia.getId());
    assertThat(gulouUser.get("/engine-rest/process-instance/" + gulou.getId()).status())
        .isEqualTo(200);
    assertThat(gulouUser.get("/engine-rest/process-instance/" + qixia.getId()).status())
        .isEqualTo(404);
    assertThat(processInstanceIds(gulouUser.get("/engine-rest/task?processDefinitionKey=" + key)))
        .containsExactly(gulou.getId());
    assertThat(gulouUser.get("/engine-rest/task/" + qixiaTask).status()).isEqualTo(404);
    assertThat(gulouUser.get("/engine-rest/execution?processInstanceId=" + qixia.getId()).body())
        .isEqualTo("[]");
  }

  @Test
  void aDistrictUserCannotReadAnotherDistrictsVariablesOrHistory() {
    Http gulouUser = as("gulou");
    List<Http.Response> answers = List.of(
        gulouUser.get("/engine-rest/process-instance/" + qixia.getId() + "/variables"),
        gulouUser.get("/engine-rest/task/" + qixiaTask + "/variables"),
        gulouUser.get("/engine-rest/task/" + qixiaTask + "/form-variables"),
        gulouUser.get("/engine-rest/variable-instance?processInstanceIdIn=" + qixia.getId()),
        gulouUser.get("/engine-rest/variable-instance?variableName=childName"),
        gulouUser.get("/engine-rest/history/process-instance?processDefinitionKey="
            + probe.processKey()),
        gulouUser.get("/engine-rest/history/process-instance/" + qixia.getId()),
        gulouUser.get("/engine-rest/history/variable-instance?processInstanceId=" + qixia.getId()),
        gulouUser.get("/engine-rest/history/variable-instance?variableName=childName"),
        gulouUser.get("/engine-rest/history/detail?processInstanceId=" + qixia.getId()),
        gulouUser.get("/engine-rest/history/task?processInstanceId=" + qixia.getId()),
        gulouUser.get("/engine-rest/history/activity-instance?processInstanceId="
            + qixia.getId()));

    for (Http.Response answer : answers) {
      assertThat(answer.body()).as(answer.raw().uri().toString()).doesNotContain(QIXIA_SECRET);
    }
    // The same questions about their own district are answered: the check above could fail.
    assertThat(gulouUser.get("/engine-rest/variable-instance?variableName=childName").body())
        .contains(GULOU_SECRET);
    assertThat(gulouUser.get("/engine-rest/history/process-instance/" + gulou.getId()).status())
        .isEqualTo(200);
  }

  /**
   * The engine REST API refuses with Camunda's own answer: 404, or 500 with "belongs to no
   * authenticated tenant" where Camunda's exception handler knows no better status.
   */
  @Test
  void aDistrictUserCannotChangeAnotherDistrictsCase() {
    Http gulouUser = as("gulou");

    assertThat(gulouUser.postJson("/engine-rest/process-instance/" + qixia.getId() + "/variables",
        "{\"modifications\":{\"childName\":{\"value\":\"改\",\"type\":\"String\"}}}").status())
        .isGreaterThanOrEqualTo(400);
    assertThat(gulouUser.postJson("/engine-rest/task/" + qixiaTask + "/complete", "{}").status())
        .isGreaterThanOrEqualTo(400);
    assertThat(gulouUser.send("DELETE", "/engine-rest/process-instance/" + qixia.getId(), null,
        null).status()).isGreaterThanOrEqualTo(400);

    assertThat(engine.getRuntimeService().getVariable(qixia.getId(), "childName"))
        .isEqualTo(QIXIA_SECRET);
    assertThat(engine.getTaskService().createTaskQuery().taskId(qixiaTask).count()).isEqualTo(1);
  }

  @Test
  void cityLevelSupervisorsSeeEveryDistrict() {
    assertThat(ids(as("supervisor").get("/engine-rest/process-instance?processDefinitionKey="
        + probe.processKey()))).containsExactlyInAnyOrder(gulou.getId(), qixia.getId());
  }

  @Test
  void theTasklistSessionIsIsolatedToo() {
    Http session = anonymous();
    Http.Response login = session.loginToWebapp("tasklist", "gulou", "gulou");
    assertThat(login.status()).isEqualTo(200);

    String api = "/camunda/api/engine/engine/default";
    assertThat(processInstanceIds(session.get(api + "/task?processDefinitionKey="
        + probe.processKey()))).containsExactly(gulou.getId());
    assertThat(session.get(api + "/process-instance/" + qixia.getId()).status()).isEqualTo(404);
    assertThat(session.get(api + "/task/" + qixiaTask + "/form-variables").body())
        .doesNotContain(QIXIA_SECRET);
  }

  @Test
  void startingACaseWithoutADistrictTakesTheWorkersOwnOrIsRefused() {
    String start = "/engine-rest/process-definition/key/" + probe.processKey() + "/start";
    // Nobody but an administrator may start the platform's own processes (ForgedProcessWrites-
    // Test); the probe is made startable here to see which tenant a start without a district
    // gets, as the registrations' starts do.
    grantOnProbe(List.of("district-gulou", "civil-affairs"),
        ProcessDefinitionPermissions.CREATE_INSTANCE);

    Http.Response byGulou = as("gulou").postJson(start, "{}");
    assertThat(byGulou.status()).isEqualTo(200);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(byGulou.json().get("id").asText()).singleResult().getTenantId())
        .isEqualTo("gulou");

    long instances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(probe.processKey()).count();
    Http.Response bySupervisor = as("supervisor").postJson(start, "{}");
    assertThat(bySupervisor.status()).isGreaterThanOrEqualTo(400);
    assertThat(bySupervisor.body()).contains("every case belongs to a district");

    Http.Response unknownDistrict = as("supervisor").postJson(start,
        "{\"variables\":{\"district\":{\"value\":\"nowhere\",\"type\":\"String\"}}}");
    assertThat(unknownDistrict.status()).isGreaterThanOrEqualTo(400);
    assertThat(unknownDistrict.body()).contains("unknown district code");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(probe.processKey()).count()).isEqualTo(instances);
  }

  private static List<String> ids(Http.Response response) {
    return values(response, "id");
  }

  private static List<String> processInstanceIds(Http.Response response) {
    return values(response, "processInstanceId");
  }

  private static List<String> values(Http.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    for (JsonNode node : response.json()) {
      values.add(node.get(field).asText());
    }
    return values;
  }
}
