package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.childprotection.registry.CaseFileWalk.Opened;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/cases/{caseNumber}/notes}: append-only notes and their corrections. */
class CaseNotesApiTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  private CaseFileWalk walk;

  @BeforeEach
  void walker() {
    walk = new CaseFileWalk(engine);
  }

  @Test
  void notesAreAppendedAndCorrectedNeverChanged() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");

    Http.Response first = note("gulou", opened, "电话联系祖母，约定周五上门\n\t带上资助申请表", null);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonNode written = first.json();
    long id = written.get("id").asLong();
    assertThat(written.get("text").asText()).isEqualTo("电话联系祖母，约定周五上门\n\t带上资助申请表");
    assertThat(written.get("author").asText()).isEqualTo("gulou");
    assertThat(written.get("authorName").asText()).isNotBlank();
    assertThat(written.get("createdAt").asText()).isNotBlank();
    assertThat(written.get("corrects").isNull()).isTrue();

    Http.Response correction = note("supervisor", opened, "更正：约定周六上门", id);
    assertThat(correction.status()).as(correction.toString()).isEqualTo(201);
    assertThat(correction.json().get("corrects").asLong()).isEqualTo(id);
    assertThat(note("center", opened, "x".repeat(4000), null).status()).isEqualTo(201);

    JsonNode file = as("gulou").get("/api/cases/" + opened.caseNumber()).json();
    assertThat(file.get("notes")).hasSize(3);
    assertThat(file.get("notes").get(0).get("text").asText()).contains("周五");
    assertThat(file.get("notes").get(1).get("corrects").asLong()).isEqualTo(id);
    assertThat(file.get("timeline").toString()).contains("更正个案记录", "约定周六上门");

    for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
      Http.Response refused = as("gulou").send(method, "/api/cases/" + opened.caseNumber()
          + "/notes", "application/json", "{\"text\":\"改写\"}");
      assertThat(refused.status()).as(method).isEqualTo(405);
    }
    assertThat(noteTexts(opened)).containsExactly("电话联系祖母，约定周五上门\n\t带上资助申请表",
        "更正：约定周六上门", "x".repeat(4000));
  }

  @Test
  void badTextAndForeignCorrectionsAreRefusedAndWriteNothing() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    Opened other = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
    long othersNote = note("gulou", other, "另一案的记录", null).json().get("id").asLong();

    assertRefused(opened, Map.of("text", "含控制字符\u0007"), "text");
    assertRefused(opened, Map.of("text", "空字符\u0000"), "text");
    assertRefused(opened, Map.of("text", "x".repeat(4001)), "text");
    assertRefused(opened, Map.of("text", ""), "text");
    assertRefused(opened, Map.of("text", "  \n "), "text");
    assertRefused(opened, Map.of(), "text");
    assertRefused(opened, Map.of("text", "更正", "corrects", othersNote), "corrects");
    assertRefused(opened, Map.of("text", "更正", "corrects", 999_999_999L), "corrects");
    Http.Response notANumber = as("gulou").postJson("/api/cases/" + opened.caseNumber()
        + "/notes", "{\"text\":\"更正\",\"corrects\":\"abc\"}");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(noteTexts(opened)).isEmpty();
  }

  @Test
  void onlyTheFullViewMayWriteOthersAreRefusedOrToldNothing() {
    Opened opened = walk.open(as("center"), "gulou", true, "DOMESTIC_VIOLENCE");

    Http.Response police = note("police", opened, "警方补充", null);
    assertThat(police.status()).as("police may read the case, not write notes").isEqualTo(403);
    Http.Response qixia = note("qixia", opened, "栖霞的记录", null);
    assertThat(qixia.status()).isEqualTo(404);
    assertThat(qixia.json().get("errors").get(0).get("message").asText())
        .isEqualTo("案件不存在或无权查看");
    assertThat(note("education", opened, "教育的记录", null).status()).isEqualTo(404);
    assertThat(as("gulou").postJson("/api/cases/NJ-1999-000001/notes",
        Map.of("text", "无此案")).status()).isEqualTo(404);
    assertThat(noteTexts(opened)).isEmpty();
  }

  private void assertRefused(Opened opened, Map<String, Object> body, String field) {
    Http.Response answer = as("gulou").postJson("/api/cases/" + opened.caseNumber() + "/notes",
        body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
  }

  private Http.Response note(String user, Opened opened, String text, Long corrects) {
    Map<String, Object> body = new HashMap<>();
    body.put("text", text);
    body.put("corrects", corrects);
    return as(user).postJson("/api/cases/" + opened.caseNumber() + "/notes", body);
  }

  private java.util.List<String> noteTexts(Opened opened) {
    return jdbc.sql("SELECT n.note_text FROM case_note n JOIN protection_case c "
            + "ON c.id = n.case_id WHERE c.case_number = ? ORDER BY n.id")
        .param(opened.caseNumber()).query(String.class).list();
  }
}
