package org.childprotection.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.court.CourtApplications;
import org.childprotection.discovery.Ledgers;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OpenAPI description that integrators read ({@code docs/openapi.json}) against the real API:
 * the main integration flows are sent as the description's examples show them, and every
 * request and answer is checked against its schemas (a field renamed, added or of another type
 * is reported), as an integrator's client generated from it would meet them.
 */
class OpenApiContractTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CourtApplications applications;

  @Autowired
  Clock clock;

  private JsonNode description;
  private OpenApiInteractionValidator validator;

  /** The committed copy, which {@link OpenApiDocumentTest} holds to the served description. */
  @BeforeEach
  void readTheDescriptionIntegratorsRead() throws IOException {
    String committed = Files.readString(OpenApiDocumentTest.COMMITTED, StandardCharsets.UTF_8);
    description = JSON.readTree(committed);
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(committed).build();
  }

  @Test
  void aHotlineReportOpensACaseAndTheSameTicketIsMerged() {
    ObjectNode report = freshChild(requestExample("/api/reports", "post", "hotline"));

    Http.Response opened = exchange("center", "POST", "/api/reports", report);
    Http.Response again = exchange("center", "POST", "/api/reports", report);

    assertThat(opened.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("MERGED");
    Http.Response file = exchange("gulou", "GET", "/api/cases/"
        + opened.json().get("caseNumber").asText(), null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.json().get("view").asText()).isEqualTo("FULL");
  }

  @Test
  void aDepartmentNoticeOpensACase() {
    ObjectNode notice = freshChild(requestExample("/api/reports", "post", "departmentNotice"));

    assertThat(exchange("education", "POST", "/api/reports", notice).status()).isEqualTo(201);
  }

  /** The documented error examples are what the API answers, word for word. */
  @Test
  void aBadReportIsAnsweredAsTheDescriptionShows() {
    ObjectNode report = freshChild(requestExample("/api/reports", "post", "hotline"));
    String idNumber = ((ObjectNode) report.get("child")).get("idNumber").asText();
    ((ObjectNode) report.get("child")).put("idNumber", idNumber.substring(0, 17)
        + (idNumber.charAt(17) == '0' ? '1' : '0'));

    Http.Response refused = exchange("center", "POST", "/api/reports", report);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json()).isEqualTo(errorExample("/api/reports", "post", 400,
        "child.idNumber"));
  }

  @Test
  void theCourtAcceptsAnApplicationAndContradictingItIsAConflict() {
    String application = applicationAwaitingTheCourt();
    ObjectNode acceptance = requestExample("/api/court/rulings", "post", "acceptance");
    acceptance.put("applicationNumber", application);
    acceptance.put("acceptedDate", LocalDate.now(clock).toString());

    Http.Response accepted = exchange("court", "POST", "/api/court/rulings", acceptance);
    Http.Response repeated = exchange("court", "POST", "/api/court/rulings", acceptance);
    acceptance.put("courtCaseNumber", "（2026）苏0106民特999号");
    Http.Response contradicted = exchange("court", "POST", "/api/court/rulings", acceptance);

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(repeated.json().get("repeated").asBoolean()).isTrue();
    assertThat(contradicted.status()).isEqualTo(409);
  }

  @Test
  void aJudgmentOfAnUnknownApplicationIsAnsweredAsTheDescriptionShows() {
    ObjectNode judgment = requestExample("/api/court/rulings", "post", "judgment");
    judgment.put("applicationNumber", "SQ-1999-99999");

    Http.Response unknown = exchange("court", "POST", "/api/court/rulings", judgment);
    Http.Response notTheCourt = exchange("gulou", "POST", "/api/court/rulings", judgment);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json()).isEqualTo(errorExample("/api/court/rulings", "post", 404,
        "applicationNumber"));
    assertThat(notTheCourt.status()).isEqualTo(403);
  }

  @Test
  void aDistrictImportsItsLedgerAndReadsTheReport() {
    String idNumber = IdNumber.withCheckCharacter("320113"
        + LocalDate.now(clock).minusYears(10).toString().replace("-", "")
        + String.format("%03d", System.nanoTime() % 1000));
    byte[] ledger = Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(Ledgers.row("契约儿童", idNumber, false)));

    Http.Response started = as("qixia").postMultipart("/api/ledgers",
        Map.of("district", "qixia"), "file", "qixia.csv", ledger);
    assertConforms("POST", "/api/ledgers", started);
    assertThat(started.status()).isEqualTo(202);

    String path = "/api/ledgers/" + started.json().get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    Http.Response report = exchange("qixia", "GET", path, null);
    while (report.json().get("status").asText().equals("RUNNING")
        && Instant.now().isBefore(deadline)) {
      pause();
      report = exchange("qixia", "GET", path, null);
    }
    assertThat(report.json().get("status").asText()).as(report.toString()).isEqualTo("DONE");
  }

  @Test
  void theSupervisionFiguresAndTheCodesConform() {
    assertThat(exchange("supervisor", "GET", "/api/supervision/kpis", null).status())
        .isEqualTo(200);
    assertThat(exchange("gulou", "GET", "/api/supervision/kpis?district=qixia", null).status())
        .isEqualTo(403);
    assertThat(exchange("supervisor", "GET", "/api/supervision/kpis?from=yesterday", null)
        .status()).isEqualTo(400);
    assertThat(exchange("gulou", "GET", "/api/vocabulary", null).status()).isEqualTo(200);
  }

  @Test
  void anAnonymousCallerGetsTheDocumentedChallenge() {
    Http.Response refused = anonymous().get("/api/supervision/kpis");

    assertThat(refused.status()).isEqualTo(401);
    assertConforms("GET", "/api/supervision/kpis", refused);
  }

  /** The check can fail: the same answer with a field renamed does not conform. */
  @Test
  void aRenamedFieldIsReported() {
    Http.Response answer = exchange("gulou", "GET", "/api/work-calendar/2026", null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    ObjectNode renamed = (ObjectNode) answer.json();
    renamed.set("offDates", renamed.remove("offDays"));

    ValidationReport report = validator.validateResponse("/api/work-calendar/2026",
        Request.Method.GET, SimpleResponse.Builder.status(200)
            .withContentType("application/json").withBody(renamed.toString()).build());

    assertThat(report.hasErrors()).as(report.toString()).isTrue();
  }

  /** Sends the request as {@code user}, after checking it, and checks the answer. */
  private Http.Response exchange(String user, String method, String pathAndQuery, JsonNode body) {
    URI uri = URI.create(pathAndQuery);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath())
        .withAuthorization("Basic " + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] nameAndValue = pair.split("=", 2);
        request.withQueryParam(nameAndValue[0],
            URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
      }
    }
    if (body != null) {
      request.withContentType("application/json").withBody(body.toString());
    }
    ValidationReport sent = validator.validateRequest(request.build());
    assertThat(sent.getMessages()).as("%s %s as the description has it", method, pathAndQuery)
        .isEmpty();

    Http.Response answer = as(user).send(method, pathAndQuery,
        body == null ? null : "application/json", body == null ? null : body.toString());
    assertConforms(method, uri.getPath(), answer);
    return answer;
  }

  private void assertConforms(String method, String path, Http.Response answer) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status())
        .withBody(answer.body());
    if (answer.header("Content-Type") != null) {
      response.withContentType(answer.header("Content-Type"));
    }
    ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method),
        response.build());
    assertThat(report.getMessages()).as("%s %s answered %s", method, path, answer).isEmpty();
  }

  private ObjectNode requestExample(String path, String method, String name) {
    JsonNode example = operation(path, method).path("requestBody").path("content")
        .path("application/json").path("examples").path(name).path("value");
    assertThat(example.isObject()).as("example %s of %s %s", name, method, path).isTrue();
    return example.deepCopy();
  }

  private JsonNode errorExample(String path, String method, int status, String name) {
    JsonNode example = operation(path, method).path("responses").path(String.valueOf(status))
        .path("content").path("application/json").path("examples").path(name).path("value");
    assertThat(example.isObject()).as("error example %s of %s %s", name, method, path).isTrue();
    return example;
  }

  private JsonNode operation(String path, String method) {
    return description.path("paths").path(path).path(method);
  }

  /**
   * The example's report about a child never reported before, on a ticket never sent. The name
   * is the tests' own: the example's is a word of src/main, which the privacy scan of the logs
   * cannot tell from the platform's texts.
   */
  private static ObjectNode freshChild(ObjectNode report) {
    ((ObjectNode) report.get("child")).put("name", "契约儿童")
        .put("idNumber", CaseFixtures.idNumber(LocalDate.now().minusYears(9)));
    report.put("channelTicketId", "CONTRACT-" + System.nanoTime());
    return report;
  }

  /**
   * An application of a new 鼓楼 case that the court's system has received and not yet
   * answered: its proceedings wait for the court's acceptance.
   */
  private String applicationAwaitingTheCourt() {
    Http.Response opened = as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", false, "SPECIAL_HARDSHIP"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long caseId = jdbc.sql("SELECT id FROM protection_case WHERE case_number = ?")
        .param(opened.json().get("caseNumber").asText()).query(Long.class).single();
    String application = applications.file(caseId, LocalDate.now(clock).getYear(), "REVOCATION",
        "NEGLECT_6_MONTHS", "CIVIL_AFFAIRS", false);
    applications.markSent(application);
    engine.getRuntimeService().createProcessInstanceByKey("court-proceedings")
        .setVariable("district", "gulou")
        .setVariable("applicationNumber", application)
        .startBeforeActivity("awaitAcceptance")
        .execute();
    return application;
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
