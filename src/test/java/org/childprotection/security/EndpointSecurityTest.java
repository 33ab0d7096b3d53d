package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.childprotection.security.Endpoints.Endpoint;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;

/**
 * Nothing but health and the login pages answers without credentials: every endpoint the app
 * serves is enumerated from the code that serves it and called anonymously.
 */
class EndpointSecurityTest extends PlatformTest {

  @Autowired
  ApplicationContext context;

  @Autowired
  PathMappedEndpoints actuatorEndpoints;

  @Test
  void theEngineRestApiAnswers401ToEveryEndpoint() {
    Set<Endpoint> endpoints =
        Endpoints.jaxRs("/engine-rest", CamundaRestResources.getResourceClasses());
    assertThat(endpoints).as("enumerated engine REST endpoints").hasSizeGreaterThan(500);

    List<String> open = answersOtherThan(endpoints, Set.of(401));

    assertThat(open).isEmpty();
    assertThat(anonymous().get("/engine-rest/process-definition").header("WWW-Authenticate"))
        .startsWith("Basic");
  }

  @Test
  void theProjectApiAndActuatorNeedCredentialsExceptHealth() {
    Set<Endpoint> endpoints = new LinkedHashSet<>(Endpoints.springMvc(context));
    actuatorEndpoints.getAllPaths().forEach(p -> endpoints.add(new Endpoint("GET", p)));
    assertThat(endpoints).contains(new Endpoint("GET", "/actuator/prometheus"));
    endpoints.removeIf(e -> e.path().startsWith("/actuator/health"));

    List<String> open = answersOtherThan(endpoints, Set.of(401, 403));

    assertThat(open).isEmpty();
  }

  @Test
  void theWebappApisOpenNothingButWhatTheLoginPageNeeds() {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    endpoints.addAll(Endpoints.jaxRs("/camunda/api/admin", new AdminApplication()));
    endpoints.addAll(Endpoints.jaxRs("/camunda/api/cockpit", new CockpitApplication()));
    endpoints.addAll(Endpoints.jaxRs("/camunda/api/tasklist", new TasklistApplication()));
    endpoints.addAll(Endpoints.jaxRs("/camunda/api/welcome", new WelcomeApplication()));
    endpoints.addAll(Endpoints.jaxRs("/camunda/api/engine", new EngineRestApplication()));
    assertThat(endpoints).as("enumerated webapp endpoints").hasSizeGreaterThan(300);
    // The login page lists the engines to log into; that list is all it reveals.
    Endpoint engineNames = new Endpoint("GET", "/camunda/api/engine/engine");
    assertThat(endpoints.remove(engineNames)).isTrue();
    assertThat(anonymous().get(engineNames.path()).json().toString()).isEqualTo("[{\"name\":\"default\"}]");

    List<String> successes = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      Http.Response response = call(endpoint);
      if (response.status() < 300 || response.status() >= 500) {
        successes.add(endpoint + " -> " + response.status());
      }
    }
    assertThat(successes).isEmpty();
  }

  @Test
  void theAnonymousAdministratorSetupIsClosed() {
    long users = engine.getIdentityService().createUserQuery().count();
    Http anonymous = anonymous();
    anonymous.get("/camunda/app/admin/default/setup/");
    Http.Response create = anonymous.postJson("/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"a\",\"lastName\":\"b\"},"
            + "\"credentials\":{\"password\":\"intruder\"}}");

    assertThat(create.status()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void healthAndTheLoginPagesAnswerWithoutCredentials() {
    assertThat(anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      Http.Response page = anonymous().get("/camunda/app/" + app + "/default/");
      assertThat(page.status()).as(app).isEqualTo(200);
      assertThat(page.body()).as(app).contains("<html");
    }
    assertThat(anonymous().get("/").header("Location")).contains("/camunda/app/");
  }

  @Test
  void credentialsAreCheckedAgainstTheEngineUsers() {
    assertThat(as("gulou").get("/engine-rest/process-definition").status()).isEqualTo(200);
    // A failed login counts against that account from this address (LoginThrottle), so the
    // wrong password is tried on a user of this test's own.
    String userId = "wrongpw" + System.nanoTime();
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(userId);
    user.setPassword("Right-passw0rd!");
    engine.getIdentityService().saveUser(user);
    assertThat(Http.as(port, userId, "wrong").get("/engine-rest/process-definition").status())
        .isEqualTo(401);
    assertThat(Http.as(port, "nobody", "nobody").get("/engine-rest/task").status())
        .isEqualTo(401);
    Http.Response unauthorised = anonymous().get("/api/cases/NJ-2026-000001");
    assertThat(unauthorised.status()).isEqualTo(401);
    assertThat(unauthorised.json().get("errors").get(0).get("message").asText()).contains("登录");
  }

  @Test
  void metricsAreForAdministratorsOnly() {
    assertThat(as("gulou").get("/actuator/prometheus").status()).isEqualTo(403);
    Http.Response metrics = as("demo").get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("camunda_activity_instance_start_total")
        .contains("camunda_process_instances_running")
        .contains("camunda_incidents_open")
        .contains("jvm_memory_used_bytes");
  }

  private List<String> answersOtherThan(Set<Endpoint> endpoints, Set<Integer> allowed) {
    List<String> unexpected = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      int status = call(endpoint).status();
      if (!allowed.contains(status)) {
        unexpected.add(endpoint + " -> " + status);
      }
    }
    return unexpected;
  }

  private Http.Response call(Endpoint endpoint) {
    boolean withBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
    return anonymous().send(endpoint.method(), endpoint.path(),
        withBody ? "application/json" : null, withBody ? "{}" : null);
  }
}
