package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.discovery.Ledgers;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a page of another site can make a logged-in user's browser do: send a change with the
 * credentials the browser remembers, frame the ledger page, inject markup into the supervision page,
 * or log the user out of Tasklist with a post without the CSRF token. None of it works.
 */
class CrossSiteTest extends PlatformTest {

  private static final String APP = "/META-INF/resources/webjars/camunda/app/";
  /** The supervisors' page and the DOM helper it shares with the Tasklist plugins. */
  private static final List<String> SUPERVISION_PAGE = List.of(
      APP + "cockpit/scripts/supervision-page.js", APP + "tasklist/scripts/case-common.js");

  @Autowired
  JdbcClient jdbc;

  @Test
  void aChangeSentFromAnotherSitesPageIsRefusedAndWritesNothing() {
    long[] before = counts();
    byte[] ledger = Ledgers.csv(StandardCharsets.UTF_8, false, List.of(Ledgers.row("跨站测试",
        CaseFixtures.idNumber(LocalDate.now().minusYears(8)), true)));
    String[][] foreign = {{"Origin", "http://evil.example"}, {"Origin", "null"},
        {"Origin", "http://localhost:" + (port + 1)}, {"Referer", "http://evil.example/a.html"}};

    for (String[] header : foreign) {
      List<Http.Response> answers = List.of(
          as("center").header(header[0], header[1]).postJson("/api/reports",
              CaseFixtures.report("gulou", false, "LEFT_BEHIND")),
          as("qixia").header(header[0], header[1]).postMultipart("/api/ledgers",
              Map.of("district", "qixia"), "file", "qixia.csv", ledger),
          as("gulou").header(header[0], header[1]).postJson(
              "/engine-rest/process-definition/key/child-protection-case/start",
              "{\"variables\":{\"district\":{\"value\":\"gulou\",\"type\":\"String\"}}}"),
          as("demo").header(header[0], header[1]).postJson("/engine-rest/user/create",
              "{\"profile\":{\"id\":\"crosssite\"},\"credentials\":{\"password\":\"x\"}}"));
      for (Http.Response answer : answers) {
        assertThat(answer.status()).as(answer.raw().uri() + " " + header[0] + ": " + header[1])
            .isEqualTo(403);
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isNotBlank();
      }
    }

    assertThat(counts()).containsExactly(before);
    assertThat(engine.getIdentityService().createUserQuery().userId("crosssite").count()).isZero();
    // Reads, the same site and callers without a page (no Origin, as the court's system) work.
    assertThat(as("supervisor").header("Origin", "http://evil.example")
        .get("/api/supervision/kpis").status()).isEqualTo(200);
    assertThat(as("center").header("Origin", "http://localhost:" + port)
        .postJson("/api/reports", CaseFixtures.report("gulou", false, "LEFT_BEHIND")).status())
        .isEqualTo(201);
    assertThat(as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND")).status()).isEqualTo(201);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndTheUserStaysLoggedIn() {
    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", "gulou", "gulou").status()).isEqualTo(200);
    String token = session.cookie("XSRF-TOKEN");
    String api = "/camunda/api/engine/engine/default";
    long filters = engine.getFilterService().createFilterQuery().count();

    Http.Response refused = session.withoutHeader("X-XSRF-TOKEN").postJson(api + "/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"跨站\",\"query\":{}}");
    Http.Response wrongToken = session.header("X-XSRF-TOKEN", "not-the-token")
        .postJson(api + "/filter/create", "{\"resourceType\":\"Task\",\"name\":\"跨站\",\"query\":{}}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
    session.header("X-XSRF-TOKEN", token);
    Http.Response stillIn = session.get("/camunda/api/admin/auth/user/default");
    assertThat(stillIn.status()).as(stillIn.toString()).isEqualTo(200);
    assertThat(stillIn.json().get("userId").asText()).isEqualTo("gulou");
    assertThat(session.get(api + "/task/count").status()).isEqualTo(200);
  }

  @Test
  void theLedgerPageRunsOnlyItsOwnScriptAndIsNeverFramed() {
    Http.Response page = anonymous().get("/ledger/index.html");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("type=\"password\"").contains("<script src=\"ledger.js\">")
        .doesNotContain("<script>").doesNotContain("<style>").doesNotContainPattern(" on\\w+=");
    String policy = page.header("Content-Security-Policy");
    assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(anonymous().get("/ledger/ledger.js").status()).isEqualTo(200);
    assertThat(anonymous().get("/ledger/ledger.css").status()).isEqualTo(200);
    // Camunda's webapps keep their own policy.
    assertThat(anonymous().get("/camunda/app/tasklist/default/").header(
        "Content-Security-Policy")).doesNotContain("default-src 'none'");
  }

  @Test
  void theSupervisionPageInsertsDataAsTextOnly() throws IOException {
    StringBuilder scripts = new StringBuilder();
    for (String script : SUPERVISION_PAGE) {
      try (InputStream in = CrossSiteTest.class.getResourceAsStream(script)) {
        scripts.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(scripts.toString()).doesNotContain("innerHTML").doesNotContain("outerHTML")
        .doesNotContain("insertAdjacentHTML").doesNotContain("document.write")
        .contains("createTextNode").contains("from '../../tasklist/scripts/case-common.js'");
  }

  private long[] counts() {
    return new long[] {count("report"), count("protection_case"), count("ledger_import"),
        engine.getRuntimeService().createProcessInstanceQuery().count()};
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
