package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childprotection.registry.CaseFileWalk.Opened;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/cases/{caseNumber}/access-log}: who read and changed a child's file. */
class CaseAccessLogTest extends PlatformTest {

  private CaseFileWalk walk;

  @BeforeEach
  void walker() {
    walk = new CaseFileWalk(engine);
  }

  @Test
  void theSupervisorSeesWhoReadTheFileNewestFirst() {
    Opened opened = walk.open(as("center"), "gulou", true, "DOMESTIC_VIOLENCE");
    assertThat(as("gulou").get("/api/cases/" + opened.caseNumber()).status()).isEqualTo(200);
    assertThat(as("police").get("/api/cases/" + opened.caseNumber()).status()).isEqualTo(200);
    assertThat(as("gulou").postJson("/api/cases/" + opened.caseNumber() + "/notes",
        Map.of("text", "已电话回访")).status()).isEqualTo(201);
    assertThat(as("qixia").get("/api/cases/" + opened.caseNumber()).status()).isEqualTo(404);

    for (String reader : List.of("supervisor", "center", "demo")) {
      Http.Response answer = as(reader).get("/api/cases/" + opened.caseNumber() + "/access-log");
      assertThat(answer.status()).as(reader + " " + answer).isEqualTo(200);
      List<String> lines = new ArrayList<>();
      List<String> times = new ArrayList<>();
      for (JsonNode entry : answer.json()) {
        lines.add(entry.get("userId").asText() + " " + entry.get("action").asText() + " "
            + entry.get("actionName").asText());
        times.add(entry.get("at").asText());
        assertThat(entry.get("userName").asText()).isNotBlank();
      }
      assertThat(lines).contains("gulou READ_CASE_FILE 查看案卷",
          "police READ_CASE_FILE 查看案卷", "gulou ADD_NOTE 添加个案记录",
          "center REPORT_OPENED 报告立案");
      assertThat(lines).noneMatch(l -> l.startsWith("qixia "));
      assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
      assertThat(lines.indexOf("gulou ADD_NOTE 添加个案记录"))
          .isLessThan(lines.indexOf("gulou READ_CASE_FILE 查看案卷"));
    }
  }

  @Test
  void othersWhoMayReadTheCaseAreRefusedAndTheRestToldNothing() {
    Opened opened = walk.open(as("center"), "gulou", true, "DOMESTIC_VIOLENCE");

    for (String reader : List.of("gulou", "police")) {
      Http.Response refused = as(reader).get("/api/cases/" + opened.caseNumber()
          + "/access-log");
      assertThat(refused.status()).as(reader).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("READ_CASE_FILE");
    }
    for (String stranger : List.of("qixia", "education")) {
      Http.Response unknown = as(stranger).get("/api/cases/" + opened.caseNumber()
          + "/access-log");
      assertThat(unknown.status()).as(stranger).isEqualTo(404);
      assertThat(unknown.body()).isEqualTo(as(stranger)
          .get("/api/cases/NJ-1999-000001/access-log").body());
    }
  }
}
