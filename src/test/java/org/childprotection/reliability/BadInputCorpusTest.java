package org.childprotection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated corpus of malformed reports, court callbacks and ledgers: wrong types, huge
 * fields, broken encodings, injection strings, missing fields. No answer is a 5xx, every answer
 * names a reason, and nothing is written. Prints how many inputs were tried.
 */
class BadInputCorpusTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REPORT_FIELDS = List.of("channel", "channelTicketId",
      "receivedAt", "reporter", "child", "location", "suspectedCategories", "immediateDanger",
      "description", "guardians");
  private static final List<String> NASTY = List.of("'; DROP TABLE child; --", "<script>alert(1)</script>",
      "${7*7}", "{{7*7}}", "#{7*7}", "../../etc/passwd", "\u0000", "\uFFFF", "𠀀𠀁", "NJ-2026-000001' OR '1'='1",
      "x".repeat(100_000));

  @Autowired
  JdbcClient jdbc;

  @Test
  void malformedInputIsAlways4xxWithAReasonAndWritesNothing() throws Exception {
    long[] before = counts();
    List<String> problems = new ArrayList<>();
    int tried = 0;
    Random random = new Random(20261128);

    for (Object body : reportCorpus(random)) {
      tried++;
      Http.Response answer = body instanceof byte[] bytes
          ? as("center").postBytes("/api/reports", "application/json", bytes)
          : as("center").postJson("/api/reports", body);
      check("report", body, answer, problems);
    }
    for (Object body : callbackCorpus()) {
      tried++;
      check("callback", body, as("court").postJson("/api/court/rulings", body), problems);
    }
    for (String path : List.of("/api/cases/%27%20OR%201=1--", "/api/cases/" + "9".repeat(5000),
        "/api/ledgers/..%2F..%2Fetc", "/api/supervision/kpis?from=2026-99-99",
        "/api/supervision/kpis?district=%3Cscript%3E", "/api/notifications?limit=abc")) {
      tried++;
      check("get", path, as("supervisor").get(path), problems);
    }
    for (byte[] file : ledgerCorpus(random)) {
      tried++;
      Http.Response answer = as("qixia").postMultipart("/api/ledgers", Map.of("district", "qixia"),
          "file", "bad.csv", file);
      if (answer.status() >= 500) {
        problems.add("ledger upload -> " + answer);
      } else if (answer.status() == 202) {
        String status = awaitImport(answer.json().get("id").asText());
        if (!status.equals("FAILED") && !status.equals("DONE")) {
          problems.add("ledger import ended " + status);
        }
      }
    }

    System.out.println("bad input corpus: " + tried + " inputs tried, " + problems.size()
        + " answered wrongly");
    assertThat(problems).isEmpty();
    assertThat(counts()).containsExactly(before);
  }

  private List<Object> reportCorpus(Random random) throws Exception {
    List<Object> corpus = new ArrayList<>();
    for (String field : REPORT_FIELDS) {
      Map<String, Object> missing = validReport();
      missing.remove(field);
      missing.put("child", Map.of("name", "甲"));
      corpus.add(missing);
      for (Object wrong : List.of(List.of(1, 2), Map.of("a", Map.of("b", 1)), 12.5e300, false)) {
        Map<String, Object> typed = validReport();
        typed.put(field, wrong);
        if (!field.equals("child")) {
          typed.put("child", List.of("not", "a", "child"));
        }
        corpus.add(typed);
      }
      for (String nasty : NASTY) {
        Map<String, Object> injected = validReport();
        injected.put(field, nasty);
        injected.put("location", Map.of("district", nasty));
        corpus.add(injected);
      }
    }
    corpus.add("{\"child\":".repeat(3000) + "{}" + "}".repeat(3000));
    corpus.add("{\"channel\": \"HOTLINE_12345\", ");
    corpus.add("[]");
    corpus.add("null");
    corpus.add("\"just a string\"");
    byte[] broken = JSON.writeValueAsBytes(validReport());
    for (int i = 0; i < 20; i++) {
      byte[] copy = broken.clone();
      copy[random.nextInt(copy.length)] = (byte) (0x80 + random.nextInt(0x40));
      copy[random.nextInt(copy.length)] = (byte) 0xFF;
      corpus.add(copy);
    }
    corpus.add("{\"child\":{\"name\":\"\u00e4\"}}".getBytes(StandardCharsets.ISO_8859_1));
    return corpus;
  }

  private static List<Object> callbackCorpus() {
    List<Object> corpus = new ArrayList<>();
    corpus.add(Map.of());
    corpus.add(Map.of("applicationNumber", List.of("SQ")));
    corpus.add(Map.of("applicationNumber", "SQ-2026-00001", "courtCaseNumber", Map.of("x", 1)));
    for (String nasty : NASTY) {
      corpus.add(Map.of("applicationNumber", nasty, "courtCaseNumber", nasty));
      corpus.add(Map.of("applicationNumber", "SQ-1999-00001", "courtCaseNumber", "案号",
          "outcome", nasty, "rulingDate", nasty));
    }
    corpus.add("{\"applicationNumber\":");
    return corpus;
  }

  private static List<byte[]> ledgerCorpus(Random random) {
    List<byte[]> corpus = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] junk = new byte[1000 + random.nextInt(5000)];
      random.nextBytes(junk);
      corpus.add(junk);
    }
    corpus.add("姓名,性别\n\"unclosed,quote\n".getBytes(StandardCharsets.UTF_8));
    corpus.add(new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    corpus.add(("姓名," + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8));
    return corpus;
  }

  private void check(String kind, Object input, Http.Response answer, List<String> problems) {
    String shown = String.valueOf(input);
    shown = shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    if (answer.status() < 400 || answer.status() >= 500) {
      problems.add(kind + " " + shown + " -> " + answer.status());
      return;
    }
    try {
      if (!answer.json().get("errors").get(0).get("message").asText().isBlank()) {
        return;
      }
    } catch (RuntimeException e) {
      // fall through: no reason given
    }
    problems.add(kind + " " + shown + " -> " + answer.status() + " without a reason");
  }

  private String awaitImport(String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String status = "RUNNING";
    while (status.equals("RUNNING") && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      status = as("qixia").get("/api/ledgers/" + id).json().get("status").asText();
    }
    return status;
  }

  private long[] counts() {
    return new long[] {count("child"), count("protection_case"), count("report"),
        count("court_application"),
        engine.getRuntimeService().createProcessInstanceQuery().count()};
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static Map<String, Object> validReport() {
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "HOTLINE_12345");
    report.put("child", Map.of("name", "测试儿童", "gender", "F", "estimatedAge", 9));
    report.put("location", Map.of("district", "gulou"));
    report.put("suspectedCategories", List.of("LEFT_BEHIND"));
    return report;
  }
}
