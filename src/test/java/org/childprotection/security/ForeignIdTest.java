package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.deployment.ModelDeployer;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.Probe;
import org.junit.jupiter.api.Test;

/**
 * Another district's instance, task or execution answers through the engine REST API exactly
 * as an id that does not exist, for reads and writes alike, so a district cannot probe which
 * ids exist; and nothing changes.
 */
class ForeignIdTest extends PlatformTest {

  private static final String VARIABLE =
      "{\"modifications\":{\"note\":{\"value\":\"改\",\"type\":\"String\"}}}";
  private static final String VALUE = "{\"value\":\"改\",\"type\":\"String\"}";

  /** Method, path ({instance}, {task}, {execution} replaced), body. */
  private static final List<String[]> CALLS = List.of(
      new String[] {"GET", "/process-instance/{instance}", null},
      new String[] {"GET", "/process-instance/{instance}/variables", null},
      new String[] {"GET", "/process-instance/{instance}/variables/note", null},
      new String[] {"GET", "/process-instance/{instance}/activity-instances", null},
      new String[] {"GET", "/process-instance/{instance}/comment", null},
      new String[] {"POST", "/process-instance/{instance}/variables", VARIABLE},
      new String[] {"PUT", "/process-instance/{instance}/variables/note", VALUE},
      new String[] {"DELETE", "/process-instance/{instance}/variables/note", null},
      new String[] {"PUT", "/process-instance/{instance}/suspended", "{\"suspended\":true}"},
      new String[] {"POST", "/process-instance/{instance}/modification",
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"work\"}]}"},
      new String[] {"DELETE", "/process-instance/{instance}", null},
      new String[] {"GET", "/task/{task}", null},
      new String[] {"GET", "/task/{task}/variables", null},
      new String[] {"GET", "/task/{task}/variables/note", null},
      new String[] {"GET", "/task/{task}/localVariables", null},
      new String[] {"GET", "/task/{task}/form-variables", null},
      new String[] {"GET", "/task/{task}/form", null},
      new String[] {"GET", "/task/{task}/deployed-form", null},
      new String[] {"GET", "/task/{task}/identity-links", null},
      new String[] {"GET", "/task/{task}/comment", null},
      new String[] {"GET", "/task/{task}/attachment", null},
      new String[] {"POST", "/task/{task}/claim", "{\"userId\":\"gulou\"}"},
      new String[] {"POST", "/task/{task}/unclaim", null},
      new String[] {"POST", "/task/{task}/assignee", "{\"userId\":\"gulou\"}"},
      new String[] {"POST", "/task/{task}/delegate", "{\"userId\":\"gulou\"}"},
      new String[] {"POST", "/task/{task}/complete", "{}"},
      new String[] {"POST", "/task/{task}/submit-form", "{}"},
      new String[] {"POST", "/task/{task}/resolve", "{}"},
      new String[] {"POST", "/task/{task}/variables", VARIABLE},
      new String[] {"POST", "/task/{task}/localVariables", VARIABLE},
      new String[] {"PUT", "/task/{task}/variables/note", VALUE},
      new String[] {"PUT", "/task/{task}/localVariables/note", VALUE},
      new String[] {"DELETE", "/task/{task}/variables/note", null},
      new String[] {"DELETE", "/task/{task}/localVariables/note", null},
      new String[] {"POST", "/task/{task}/identity-links",
          "{\"userId\":\"gulou\",\"type\":\"candidate\"}"},
      new String[] {"POST", "/task/{task}/comment/create", "{\"message\":\"改\"}"},
      new String[] {"PUT", "/task/{task}", "{\"name\":\"改\"}"},
      new String[] {"DELETE", "/task/{task}", null},
      new String[] {"GET", "/execution/{execution}", null},
      new String[] {"GET", "/execution/{execution}/localVariables", null},
      new String[] {"GET", "/execution/{execution}/localVariables/note", null},
      new String[] {"POST", "/execution/{execution}/localVariables", VARIABLE},
      new String[] {"PUT", "/execution/{execution}/localVariables/note", VALUE},
      new String[] {"DELETE", "/execution/{execution}/localVariables/note", null},
      new String[] {"POST", "/execution/{execution}/signal", "{}"},
      new String[] {"POST", "/execution/{execution}/messageSubscriptions/m/trigger", "{}"},
      new String[] {"GET", "/history/process-instance/{instance}", null},
      new String[] {"DELETE", "/history/process-instance/{instance}", null});

  @Test
  void anotherDistrictsIdsAnswerLikeUnknownOnesAndNothingChanges() {
    Probe probe = Probe.unique();
    new ModelDeployer(engine.getRepositoryService(), "foreign-" + probe.processKey())
        .deploy(List.of(probe.process(), probe.form()));
    ProcessInstance qixia = engine.getRuntimeService().startProcessInstanceByKey(
        probe.processKey(), Map.of("district", "qixia", "note", "原"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(qixia.getId())
        .singleResult();
    Map<String, String> foreign = Map.of("{instance}", qixia.getId(), "{task}", task.getId(),
        "{execution}", qixia.getId());
    String none = UUID.randomUUID().toString();
    Map<String, String> unknown = Map.of("{instance}", none, "{task}", none, "{execution}", none);

    List<String> different = new ArrayList<>();
    Http gulou = as("gulou");
    for (String[] call : CALLS) {
      Http.Response theirs = call(gulou, call, foreign);
      Http.Response nobodys = call(gulou, call, unknown);
      boolean same = theirs.status() == nobodys.status() && theirs.body()
          .replace(qixia.getId(), "{id}").replace(task.getId(), "{id}")
          .equals(nobodys.body().replace(none, "{id}"));
      if (!same || theirs.status() < 400) {
        different.add(call[0] + " " + call[1] + ": foreign " + theirs + ", unknown " + nobodys);
      }
    }

    assertThat(different).isEmpty();
    Task after = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();
    assertThat(after.getName()).isEqualTo(task.getName());
    assertThat(after.getDelegationState()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .noneMatch(link -> "gulou".equals(link.getUserId()));
    assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();
    assertThat(engine.getRuntimeService().getVariables(qixia.getId())).hasSize(2)
        .containsEntry("district", "qixia").containsEntry("note", "原");
    assertThat(engine.getTaskService().getVariablesLocal(task.getId())).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(qixia.getId()).active().count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getActiveActivityIds(qixia.getId()))
        .containsExactly("work");
  }

  private static Http.Response call(Http http, String[] call, Map<String, String> ids) {
    String path = call[1];
    for (Map.Entry<String, String> id : ids.entrySet()) {
      path = path.replace(id.getKey(), id.getValue());
    }
    return http.send(call[0], "/engine-rest" + path, call[2] == null ? null : "application/json",
        call[2]);
  }
}
