package org.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page in Tasklist writes notes and attachments with the Tasklist session: only with
 * the session's CSRF token in {@code X-XSRF-TOKEN}. Without it, or with another, the write is a
 * 403, nothing is written and the user stays logged in; the session writes nothing else in the
 * project API.
 */
class SessionWritesTest extends PlatformTest {

  /** A 1×1 PNG. */
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  @Autowired
  JdbcClient jdbc;

  @Test
  void aNoteOrAttachmentFromTheSessionNeedsItsCsrfToken() {
    String caseNumber = as("center").postJson("/api/reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND")).json().get("caseNumber").asText();
    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", "gulou", "gulou").status()).isEqualTo(200);
    String token = session.cookie("XSRF-TOKEN");
    String notes = "/api/cases/" + caseNumber + "/notes";
    String attachments = "/api/cases/" + caseNumber + "/attachments";
    Map<String, Object> note = java.util.Collections.singletonMap("text", "会话写入测试");

    Http.Response noToken = session.withoutHeader("X-XSRF-TOKEN").postJson(notes, note);
    Http.Response wrongToken = session.header("X-XSRF-TOKEN", "not-the-token")
        .postJson(notes, note);
    Http.Response emptyToken = session.header("X-XSRF-TOKEN", "").postJson(notes, note);
    Http.Response uploadNoToken = session.withoutHeader("X-XSRF-TOKEN")
        .postMultipart(attachments, Map.of("kind", "PHOTO"), "file", "photo.png", PNG);
    Http.Response uploadWrongToken = session.header("X-XSRF-TOKEN", token + "x")
        .postMultipart(attachments, Map.of("kind", "PHOTO"), "file", "photo.png", PNG);

    assertThat(noToken.status()).as(noToken.toString()).isEqualTo(403);
    assertThat(wrongToken.status()).as(wrongToken.toString()).isEqualTo(403);
    assertThat(emptyToken.status()).as(emptyToken.toString()).isEqualTo(403);
    assertThat(uploadNoToken.status()).as(uploadNoToken.toString()).isEqualTo(403);
    assertThat(uploadWrongToken.status()).as(uploadWrongToken.toString()).isEqualTo(403);
    assertThat(noToken.json().get("errors").get(0).get("message").asText()).isEqualTo("无权访问");
    assertThat(rows("case_note", caseNumber)).isZero();
    assertThat(rows("case_attachment", caseNumber)).isZero();

    // still logged in, and with the token both writes work
    session.header("X-XSRF-TOKEN", token);
    assertThat(session.get("/api/cases/" + caseNumber).status()).isEqualTo(200);
    Http.Response written = session.postJson(notes, note);
    assertThat(written.status()).as(written.toString()).isEqualTo(201);
    assertThat(written.json().get("author").asText()).isEqualTo("gulou");
    Http.Response uploaded = session.postMultipart(attachments, Map.of("kind", "PHOTO"), "file",
        "photo.png", PNG);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(rows("case_note", caseNumber)).isEqualTo(1);
    assertThat(rows("case_attachment", caseNumber)).isEqualTo(1);
  }

  @Test
  void theSessionWritesNothingElseInTheApi() {
    Http session = anonymous();
    assertThat(session.loginToWebapp("tasklist", "center", "center").status()).isEqualTo(200);
    long cases = jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single();

    Http.Response report = session.postJson("/api/reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND"));
    Http.Response odd = session.postJson("/api/cases/NJ-2026-000001/notes/../../../reports",
        CaseFixtures.report("gulou", false, "LEFT_BEHIND"));

    assertThat(report.status()).as(report.toString()).isEqualTo(401);
    assertThat(odd.status()).as(odd.toString()).isIn(400, 401);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single())
        .isEqualTo(cases);
  }

  private long rows(String table, String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " t JOIN protection_case c ON c.id = "
        + "t.case_id WHERE c.case_number = ?").param(caseNumber).query(Long.class).single();
  }
}
