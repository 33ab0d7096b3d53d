package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.childprotection.registry.CaseFileWalk.Opened;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/cases?q=}: each key, partial names, and only the cases the caller may read. */
class CaseSearchApiTest extends PlatformTest {

  private CaseFileWalk walk;

  @BeforeEach
  void walker() {
    walk = new CaseFileWalk(engine);
  }

  @Test
  void aCaseIsFoundByEachKeyWithTheIdNumberMasked() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");

    for (String q : List.of(opened.caseNumber(), opened.caseNumber().substring(0, 11),
        opened.caseNumber().toLowerCase(), opened.name(), opened.name().substring(1),
        opened.idNumber(), opened.guardianName(), opened.guardianName().substring(0, 2),
        opened.guardianPhone())) {
      JsonNode found = search("gulou", q);
      JsonNode hit = find(found, opened.caseNumber());
      assertThat(hit).as("gulou searching " + q.length() + " characters").isNotNull();
      assertThat(hit.get("childName").asText()).isEqualTo(opened.name());
      assertThat(hit.get("idNumber").asText()).isEqualTo(opened.idNumber().substring(0, 4)
          + "**********" + opened.idNumber().substring(14));
      assertThat(hit.get("districtName").asText()).isEqualTo("鼓楼区");
      assertThat(hit.get("status").asText()).isEqualTo("OPEN");
      assertThat(found.toString()).doesNotContain(opened.idNumber());
    }
    assertThat(find(search("supervisor", opened.name()), opened.caseNumber())).isNotNull();
    assertThat(find(search("center", opened.guardianPhone()), opened.caseNumber())).isNotNull();
    assertThat(find(search("gulou", opened.idNumber().substring(0, 17)), opened.caseNumber()))
        .as("the ID number is matched exactly").isNull();
    assertThat(find(search("gulou", opened.guardianPhone().substring(0, 10)),
        opened.caseNumber())).as("the phone is matched exactly").isNull();
  }

  @Test
  void anotherDistrictNeverFindsTheChildAndAUnitOnlyItsOwnCases() {
    Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");

    for (String q : List.of(opened.caseNumber(), opened.name(), opened.name().substring(1),
        opened.idNumber(), opened.guardianName(), opened.guardianPhone())) {
      Http.Response answer = as("qixia").get("/api/cases?q=" + encode(q));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(find(answer.json(), opened.caseNumber())).isNull();
      assertThat(answer.body()).doesNotContain(opened.name());
      assertThat(find(search("education", q), opened.caseNumber())).isNull();
    }

    walk.triage(opened, "SPECIAL_HARDSHIP", "请核实");
    walk.assess(opened, "gulou", "district-gulou", "needSchooling");
    JsonNode found = search("education", opened.name());
    JsonNode hit = find(found, opened.caseNumber());
    assertThat(hit).isNotNull();
    assertThat(hit.get("childName").asText()).isEqualTo("鞠**");
    assertThat(hit.has("idNumber")).isFalse();
    assertThat(found.toString()).doesNotContain(opened.name());
    assertThat(find(search("police", opened.name()), opened.caseNumber())).isNull();
  }

  @Test
  void aQueryOfNoneOrTooManyCharactersIsRefused() {
    for (String q : List.of("", "   ", "鞠".repeat(51))) {
      Http.Response answer = as("gulou").get("/api/cases?q=" + encode(q));
      assertThat(answer.status()).as("q of " + q.length()).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }
    assertThat(as("gulou").get("/api/cases").status()).isEqualTo(400);
    assertThat(as("gulou").get("/api/cases?q=" + encode("a\u0001b")).status()).isEqualTo(400);
    Http.Response fifty = as("gulou").get("/api/cases?q=" + encode("鞠".repeat(50)));
    assertThat(fifty.status()).isEqualTo(200);
    Http.Response wildcard = as("gulou").get("/api/cases?q=" + encode("%"));
    assertThat(wildcard.status()).isEqualTo(200);
    assertThat(wildcard.json()).as("% is a character, not a wildcard").isEmpty();
  }

  @Test
  void atMostFiftyNewestFirst() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP").caseNumber());
    }
    JsonNode found = search("center", "NJ-");
    assertThat(found.size()).isLessThanOrEqualTo(50);
    List<String> order = new ArrayList<>();
    found.forEach(f -> order.add(f.get("openedAt").asText()));
    assertThat(order).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(find(search("gulou", numbers.get(2)), numbers.get(2))).isNotNull();
  }

  private JsonNode search(String user, String q) {
    Http.Response answer = as(user).get("/api/cases?q=" + encode(q));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static JsonNode find(JsonNode found, String caseNumber) {
    for (JsonNode f : found) {
      if (f.get("caseNumber").asText().equals(caseNumber)) {
        return f;
      }
    }
    return null;
  }

  private static String encode(String q) {
    return URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
