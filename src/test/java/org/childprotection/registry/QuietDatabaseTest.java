package org.childprotection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.filter.Filter;
import org.childprotection.attachment.TestFiles;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.config.RecordRowMapper;
import org.childprotection.discovery.Ledgers;
import org.childprotection.registry.CaseFileWalk.Opened;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.childprotection.support.SqlExceptions;
import org.junit.jupiter.api.Test;

/**
 * Normal work throws no SQLException (issue 19): a row mapper that probes for columns throws one
 * per row and column, which H2 writes to its trace file and PostgreSQL's driver swallows. The
 * main flows are walked on the database of the run, with every exception of the app's JDBC
 * calls counted ({@link SqlExceptions}).
 */
class QuietDatabaseTest extends PlatformTest {

  private static final Pattern QUERY_BY_CLASS =
      Pattern.compile("\\.query\\(\\s*([A-Z]\\w*)\\.class\\s*\\)");

  @Test
  void aCaseFromReportToReferralThrowsNoSqlException() {
    CaseFileWalk walk = new CaseFileWalk(engine);
    List<String> thrown = SqlExceptions.thrownDuring(() -> {
      Opened opened = walk.open(as("center"), "gulou", false, "SPECIAL_HARDSHIP");
      assertThat(as("center").postJson("/api/reports", CaseFixtures.reportAbout(
          opened.idNumber(), "gulou", false, "SPECIAL_HARDSHIP")).json().get("status").asText())
          .isEqualTo("MERGED");
      walk.triage(opened, "SPECIAL_HARDSHIP", "请核实就学情况");
      walk.assess(opened, "gulou", "district-gulou", "needSchooling");
      readTheCaseAsItsPeopleDo(opened);
    });

    assertThat(thrown).isEmpty();
  }

  @Test
  void aLedgerImportThrowsNoSqlException() {
    byte[] ledger = Ledgers.csv(StandardCharsets.UTF_8, false, List.of(
        Ledgers.row("台帐儿童", qixiaIdNumber(10), true),
        Ledgers.row("台帐儿童", qixiaIdNumber(8), false)));

    List<String> thrown = SqlExceptions.thrownDuring(() -> {
      Http.Response started = as("qixia").postMultipart("/api/ledgers",
          Map.of("district", "qixia"), "file", "qixia.csv", ledger);
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      String report = "/api/ledgers/" + started.json().get("id").asText();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (as("qixia").get(report).json().get("status").asText().equals("RUNNING")
          && Instant.now().isBefore(deadline)) {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
      assertThat(as("qixia").get(report).json().get("status").asText()).isEqualTo("DONE");
    });

    assertThat(thrown).isEmpty();
  }

  /** What the case's people open in a working day: the case file, Tasklist, exports, figures. */
  private void readTheCaseAsItsPeopleDo(Opened opened) {
    String file = "/api/cases/" + opened.caseNumber();
    assertThat(as("gulou").postJson(file + "/notes", Map.of("text", "电话联系祖母")).status())
        .isEqualTo(201);
    assertThat(as("gulou").postMultipart(file + "/attachments", Map.of("kind", "PHOTO"),
        "file", "home.png", TestFiles.png()).status()).isEqualTo(201);
    long attachment = as("gulou").get(file).json().get("attachments").get(0).get("id").asLong();
    String referral = engine.getTaskService().createTaskQuery()
        .processInstanceId(opened.instance()).taskDefinitionKey("handleReferral")
        .singleResult().getId();
    List<String> reads = List.of(file, file + "/attachments/" + attachment,
        file + "/export.pdf", "/api/cases?q=" + encode(opened.name().substring(1)),
        "/api/cases/export.xlsx?district=gulou", "/api/tasks/" + referral + "/context",
        "/api/tasks/labels?ids=" + referral, "/api/supervision/kpis?district=gulou",
        "/api/vocabulary", "/api/work-calendar/2026");
    for (String path : reads) {
      assertThat(as("gulou").get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(as("education").get("/api/tasks/" + referral + "/context").status())
        .isEqualTo(200);
    assertThat(as("education").get("/api/notifications").status()).isEqualTo(200);
    assertThat(as("supervisor").get(file + "/access-log").status()).isEqualTo(200);
    Http tasklist = Http.anonymous(port);
    assertThat(tasklist.loginToWebapp("tasklist", "gulou", "gulou").status()).isEqualTo(200);
    tasklist.header("Accept", "application/hal+json, application/json; q=0.5");
    for (Filter filter : engine.getFilterService().createTaskFilterQuery().list()) {
      String path = "/camunda/api/engine/engine/default/filter/" + filter.getId()
          + "/list?firstResult=0&maxResults=15";
      assertThat(tasklist.postJson(path,
          "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}").status())
          .as(filter.getName()).isEqualTo(200);
    }
  }

  /**
   * Spring's mapper behind {@code query(SomeRecord.class)} probes every camel-case component as
   * a column, so that flows not walked above would throw too: the app maps records with
   * {@link RecordRowMapper}, and queries by class only single values.
   */
  @Test
  void noQueryMapsARecordByProbingItsColumns() throws IOException {
    List<String> byClass = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Matcher query = QUERY_BY_CLASS.matcher(code);
        while (query.find()) {
          if (!isSingleValue(query.group(1)) && !inComment(code, query.start())) {
            byClass.add(source.getFileName() + ": " + query.group());
          }
        }
      }
    }

    assertThat(byClass).isEmpty();
  }

  private static boolean inComment(String code, int at) {
    String line = code.substring(code.lastIndexOf('\n', at) + 1, at).strip();
    return line.startsWith("*") || line.startsWith("//");
  }

  private static boolean isSingleValue(String simpleName) {
    for (String lang : List.of("java.lang.", "java.time.", "java.math.", "java.util.")) {
      try {
        Class.forName(lang + simpleName);
        return true;
      } catch (ClassNotFoundException notThere) {
        // the next package
      }
    }
    return false;
  }

  private static String qixiaIdNumber(int age) {
    return IdNumber.withCheckCharacter("320113" + LocalDate.now().minusYears(age).toString()
        .replace("-", "") + String.format("%03d", System.nanoTime() % 1000));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
