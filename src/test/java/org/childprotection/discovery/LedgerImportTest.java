package org.childprotection.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing districts' 基础台帐 through {@code POST /api/ledgers}, with files made here. */
class LedgerImportTest extends PlatformTest {

  private static final Charset GBK = Charset.forName("GBK");

  @Autowired
  JdbcClient jdbc;

  @Test
  void aUtf8CsvRegistersEveryRowAndOpensACaseForEachAtRiskRow() {
    String calm = Ledgers.idNumber(9);
    String atRisk = Ledgers.idNumber(11);
    JsonNode report = importFile("ledger.csv", Ledgers.csv(StandardCharsets.UTF_8, false, List.of(
        Ledgers.row("李小花", calm, false), Ledgers.row("王小草", atRisk, true))));

    assertThat(report.get("status").asText()).isEqualTo("DONE");
    assertThat(counts(report)).containsExactly(2, 2, 0, 0, 1);
    assertThat(name(calm)).isEqualTo("李小花");
    assertThat(openCases(atRisk)).isEqualTo(1);
    assertThat(openCases(calm)).isZero();
    assertThat(jdbc.sql("SELECT r.channel FROM report r JOIN protection_case c ON c.id = "
            + "r.case_id JOIN child ch ON ch.id = c.child_id WHERE ch.id_number = ?")
        .param(atRisk).query(String.class).single()).isEqualTo("LEDGER");
  }

  @Test
  void aCsvWithABomAndAGbkCsvFromExcelAreReadAsWell() {
    String withBom = Ledgers.idNumber(7);
    JsonNode bom = importFile("台帐-bom.csv", Ledgers.csv(StandardCharsets.UTF_8, true,
        List.of(Ledgers.row("陈一一", withBom, false))));
    String gbk = Ledgers.idNumber(8);
    JsonNode fromExcel = importFile("台帐-gbk.csv", Ledgers.csv(GBK, false,
        List.of(Ledgers.row("赵二二", gbk, false))));

    assertThat(bom.get("status").asText()).isEqualTo("DONE");
    assertThat(fromExcel.get("status").asText()).isEqualTo("DONE");
    assertThat(name(withBom)).isEqualTo("陈一一");
    assertThat(name(gbk)).isEqualTo("赵二二");
    assertThat(jdbc.sql("SELECT community FROM child WHERE id_number = ?").param(gbk)
        .query(String.class).single()).isEqualTo("万寿社区");
  }

  @Test
  void anXlsxWithDateCellsIsRead() {
    String id = Ledgers.idNumber(12);
    JsonNode report = importFile("台帐.xlsx", Ledgers.xlsx(List.of(Ledgers.row("孙三三", id, true))));

    assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("DONE");
    assertThat(counts(report)).containsExactly(1, 1, 0, 0, 1);
    assertThat(name(id)).isEqualTo("孙三三");
  }

  @Test
  void badRowsAreReportedWithRowColumnAndReasonAndTheRestIsImported() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(Ledgers.row("正常", Ledgers.idNumber(6), false));
    List<String> badCheck = Ledgers.row("校验错", Ledgers.idNumber(6), false);
    badCheck.set(LedgerColumns.ID_NUMBER, flipCheck(badCheck.get(LedgerColumns.ID_NUMBER)));
    rows.add(badCheck);
    List<String> unknownDistrict = Ledgers.row("区错", Ledgers.idNumber(6), false);
    unknownDistrict.set(LedgerColumns.DISTRICT, "浦东新区");
    rows.add(unknownDistrict);
    List<String> noName = Ledgers.row("", Ledgers.idNumber(6), false);
    rows.add(noName);
    List<String> badDate = Ledgers.row("日期错", "", false);
    badDate.set(LedgerColumns.BIRTH_DATE, "2015-13-40");
    rows.add(badDate);
    List<String> badCategory = Ledgers.row("类别错", Ledgers.idNumber(6), false);
    badCategory.set(LedgerColumns.CATEGORIES, "孤儿");
    rows.add(badCategory);
    List<String> otherDistrict = Ledgers.row("他区", Ledgers.idNumber(6), false);
    otherDistrict.set(LedgerColumns.DISTRICT, "鼓楼区");
    rows.add(otherDistrict);

    JsonNode report = importFile("bad.csv", Ledgers.csv(StandardCharsets.UTF_8, false, rows));

    assertThat(counts(report)).containsExactly(7, 1, 6, 0, 0);
    List<String> errors = new ArrayList<>();
    report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + "|"
        + e.get("column").asText() + "|" + e.get("message").asText()));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("2|身份证号|身份证号校验位错误"))
        .anySatisfy(e -> assertThat(e).startsWith("3|区|未知的区"))
        .anySatisfy(e -> assertThat(e).startsWith("4|姓名|姓名不能为空"))
        .anySatisfy(e -> assertThat(e).startsWith("5|出生日期|出生日期格式"))
        .anySatisfy(e -> assertThat(e).startsWith("6|类别|未知的类别：孤儿"))
        .anySatisfy(e -> assertThat(e).startsWith("7|区|不属于本次导入的栖霞区"));
  }

  @Test
  void duplicatesAreUpdatedNotDoubledAndAReimportChangesNothing() {
    String twice = Ledgers.idNumber(10);
    String risky = Ledgers.idNumber(13);
    List<String> later = Ledgers.row("改名后", twice, false);
    byte[] file = Ledgers.csv(StandardCharsets.UTF_8, false, List.of(
        Ledgers.row("改名前", twice, false), later, Ledgers.row("风险", risky, true)));

    JsonNode first = importFile("dup.csv", file);
    assertThat(counts(first)).containsExactly(3, 3, 0, 1, 1);
    assertThat(name(twice)).isEqualTo("改名后");
    long[] before = totals();

    JsonNode again = importFile("dup.csv", file);

    assertThat(counts(again)).containsExactly(3, 3, 0, 3, 0);
    assertThat(totals()).containsExactly(before);
  }

  @Test
  void aYoungChildWithoutCareOpensACaseEvenIfNotMarkedAtRisk() {
    String orphan = Ledgers.idNumber(5);
    List<String> row = Ledgers.row("无人照料", orphan, false);
    row.set(LedgerColumns.GUARDIAN_STATUS, "死亡");
    JsonNode report = importFile("red.csv", Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(row)));
    assertThat(report.get("casesOpened").asInt()).isEqualTo(1);
    assertThat(openCases(orphan)).isEqualTo(1);
  }

  @Test
  void aDistrictUserImportsAndReadsOnlyTheirOwnDistrict() {
    byte[] file = Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(Ledgers.row("他区儿童", Ledgers.idNumber(9), false)));
    Http.Response refused = as("gulou").postMultipart("/api/ledgers",
        Map.of("district", "qixia"), "file", "qixia.csv", file);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("district");

    Http.Response accepted = as("qixia").postMultipart("/api/ledgers",
        Map.of("district", "qixia"), "file", "qixia.csv", file);
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().get("id").asText();
    assertThat(as("gulou").get("/api/ledgers/" + id).status()).isEqualTo(404);
    assertThat(as("center").get("/api/ledgers/" + id).status()).isEqualTo(200);
  }

  @Test
  void otherUnitsImportNoLedgerAndReadNone() {
    String id = Ledgers.idNumber(9);
    byte[] file = Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(Ledgers.row("单位导入", id, true)));
    long[] before = totals();
    long imports = count("ledger_import");

    for (String unit : List.of("education", "supervisor", "police", "court")) {
      for (String district : List.of("qixia", "nowhere")) {
        Http.Response refused = as(unit).postMultipart("/api/ledgers",
            Map.of("district", district), "file", "qixia.csv", file);
        assertThat(refused.status()).as(unit + " " + district).isEqualTo(403);
        assertThat(refused.json().get("errors").get(0).get("message").asText()).isNotBlank();
      }
    }
    assertThat(count("ledger_import")).isEqualTo(imports);
    assertThat(totals()).containsExactly(before);

    Http.Response byCenter = as("center").postMultipart("/api/ledgers",
        Map.of("district", "qixia"), "file", "qixia.csv", file);
    assertThat(byCenter.status()).isEqualTo(202);
    String importId = byCenter.json().get("id").asText();
    assertThat(as("qixia").get("/api/ledgers/" + importId).status()).isEqualTo(200);
    assertThat(as("demo").get("/api/ledgers/" + importId).status()).isEqualTo(200);
    assertThat(as("education").get("/api/ledgers/" + importId).status()).isEqualTo(403);
    assertThat(as("supervisor").get("/api/ledgers/" + importId).status()).isEqualTo(403);
    assertThat(as("education").get("/api/ledgers/no-such-import").status()).isEqualTo(403);
  }

  @Test
  void aFileThatIsNotALedgerFailsWithAReason() {
    JsonNode wrongHeader = importFile("x.csv", "编号,名字\r\n1,甲\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongHeader.get("status").asText()).isEqualTo("FAILED");
    assertThat(wrongHeader.get("failure").asText()).contains("表头第1列应为“姓名”");

    JsonNode junk = importFile("x.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    assertThat(junk.get("status").asText()).isEqualTo("FAILED");
    assertThat(junk.get("failure").asText()).contains("文件无法读取");

    Http.Response noFile = as("qixia").postMultipart("/api/ledgers", Map.of("district", "qixia"),
        null, null, null);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
  }

  @Test
  void aLargeLedgerIsImportedInBatchesWithProgressVisibleWhileItRuns() {
    List<List<String>> rows = new ArrayList<>();
    // A region of their own, one birthday per thousand children: no child of another test.
    LocalDate firstBirthday = LocalDate.now().minusYears(4);
    for (int i = 0; i < 100_000; i++) {
      rows.add(Ledgers.row("批量" + i, IdNumber.withCheckCharacter("320115"
          + firstBirthday.minusDays(i / 1000).toString().replace("-", "")
          + String.format("%03d", i % 1000)), false));
    }
    Http.Response started = as("qixia").postMultipart("/api/ledgers", Map.of("district", "qixia"),
        "file", "big.csv", Ledgers.csv(StandardCharsets.UTF_8, false, rows));
    String id = started.json().get("id").asText();

    boolean sawProgress = false;
    JsonNode report = as("qixia").get("/api/ledgers/" + id).json();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (report.get("status").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
      int read = report.get("rowsRead").asInt();
      sawProgress |= read > 0 && read < rows.size();
      sleep();
      report = as("qixia").get("/api/ledgers/" + id).json();
    }
    assertThat(report.get("status").asText()).isEqualTo("DONE");
    assertThat(report.get("accepted").asInt()).isEqualTo(rows.size());
    assertThat(report.get("duplicates").asInt()).isZero();
    assertThat(report.get("rowsRead").asInt()).isEqualTo(rows.size());
    assertThat(sawProgress).as("progress seen while running").isTrue();
  }

  @Test
  void everyChildAtRiskGetsOneCaseAcrossBatchesAndAReimportOpensNothing() {
    // More rows than a batch: a batch's cases are opened, several at once, while the next batch
    // is registered. A region of their own: no child of another test.
    LocalDate birthday = LocalDate.now().minusYears(7);
    List<List<String>> rows = new ArrayList<>();
    List<String> atRisk = new ArrayList<>();
    List<String> calm = new ArrayList<>();
    for (int i = 0; i < 1_300; i++) {
      String id = Ledgers.idNumber("320116", birthday, i);
      rows.add(Ledgers.row("分批" + i, id, i % 50 == 0));
      (i % 50 == 0 ? atRisk : calm).add(id);
    }
    // The first child at risk again in the last batch, with news: a report added to their case.
    List<String> news = Ledgers.row("分批0", atRisk.get(0), true);
    news.set(LedgerColumns.NOTE, "复查仍有风险");
    rows.add(news);
    // A row of the first batch once more: the same report, which arrives only once.
    rows.add(new ArrayList<>(rows.get(50)));
    byte[] file = Ledgers.csv(StandardCharsets.UTF_8, false, rows);

    JsonNode first = importFile("分批.csv", file);

    assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("DONE");
    assertThat(counts(first)).containsExactly(1_302, 1_302, 0, 2, atRisk.size());
    assertThat(atRisk).allSatisfy(id -> assertThat(openCases(id)).as(id).isEqualTo(1));
    assertThat(calm).allSatisfy(id -> assertThat(openCases(id)).as(id).isZero());
    assertThat(reports(atRisk.get(0))).isEqualTo(2);
    assertThat(reports(atRisk.get(1))).isEqualTo(1);
    long[] before = totals();

    JsonNode again = importFile("分批.csv", file);

    assertThat(counts(again)).containsExactly(1_302, 1_302, 0, 1_302, 0);
    assertThat(totals()).containsExactly(before);
  }

  @Test
  void childrenWithoutAnIdNumberAreKnownAgainByNameBirthDateAndDistrict() {
    List<String> younger = Ledgers.row("无证台帐儿童", "", false);
    younger.set(LedgerColumns.BIRTH_DATE, LocalDate.now().minusYears(6).toString());
    List<String> older = Ledgers.row("无证台帐儿童", "", false);
    older.set(LedgerColumns.BIRTH_DATE, LocalDate.now().minusYears(8).toString());
    byte[] file = Ledgers.csv(StandardCharsets.UTF_8, false, List.of(younger, older));

    JsonNode first = importFile("无证.csv", file);
    long[] before = totals();
    JsonNode again = importFile("无证.csv", file);

    assertThat(counts(first)).containsExactly(2, 2, 0, 0, 0);
    assertThat(counts(again)).containsExactly(2, 2, 0, 2, 0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM child WHERE name = ? AND id_number IS NULL")
        .param("无证台帐儿童").query(Long.class).single()).isEqualTo(2);
    assertThat(totals()).containsExactly(before);
  }

  @Test
  void aRowWhoseReportCannotBeTakenIsReportedAndTheOtherRowsOpenTheirCases() {
    String held = Ledgers.idNumber(9);
    importFile("首次.csv", Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(Ledgers.row("暂停案件", held, true))));
    // An administrator suspended the child's case: no new report can be added to it now.
    String instance = jdbc.sql("SELECT c.process_instance_id FROM protection_case c JOIN child ch "
        + "ON ch.id = c.child_id WHERE ch.id_number = ?").param(held).query(String.class).single();
    engine.getRuntimeService().suspendProcessInstanceById(instance);
    try {
      String first = Ledgers.idNumber(9);
      String last = Ledgers.idNumber(10);
      List<String> news = Ledgers.row("暂停案件", held, true);
      news.set(LedgerColumns.NOTE, "再次排查");

      JsonNode report = importFile("再次.csv", Ledgers.csv(StandardCharsets.UTF_8, false,
          List.of(Ledgers.row("前一行", first, true), news, Ledgers.row("后一行", last, true))));

      assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("DONE");
      assertThat(counts(report)).containsExactly(3, 3, 0, 1, 2);
      assertThat(openCases(first)).isEqualTo(1);
      assertThat(openCases(last)).isEqualTo(1);
      assertThat(reports(held)).as("the refused report left nothing behind").isEqualTo(1);
      assertThat(report.get("errors")).singleElement().satisfies(error -> {
        assertThat(error.get("row").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("重新导入");
      });
    } finally {
      engine.getRuntimeService().activateProcessInstanceById(instance);
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  @Test
  void aLedgersChildIsFoundByPartOfTheirNameAndARenameMovesTheSearch() {
    String id = Ledgers.idNumber(10);
    importFile("更名前.csv", Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(Ledgers.row("欧阳晓岚", id, true))));
    assertThat(caseNumbersFound("晓岚")).hasSize(1);
    assertThat(caseNumbersFound("欧阳")).isNotEmpty();

    importFile("更名后.csv", Ledgers.csv(StandardCharsets.UTF_8, false,
        List.of(Ledgers.row("欧阳晓芸", id, true))));

    assertThat(caseNumbersFound("晓芸")).hasSize(1);
    assertThat(caseNumbersFound("晓岚")).as("the old name's pieces are gone").isEmpty();
  }

  private List<String> caseNumbersFound(String part) {
    List<String> found = new ArrayList<>();
    as("qixia").get("/api/cases?q=" + java.net.URLEncoder.encode(part, StandardCharsets.UTF_8))
        .json().forEach(c -> found.add(c.get("caseNumber").asText()));
    return found;
  }

  private JsonNode importFile(String name, byte[] content) {
    Http.Response started = as("qixia").postMultipart("/api/ledgers", Map.of("district", "qixia"),
        "file", name, content);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String id = started.json().get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    JsonNode report = as("qixia").get("/api/ledgers/" + id).json();
    while (report.get("status").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
      sleep();
      report = as("qixia").get("/api/ledgers/" + id).json();
    }
    return report;
  }

  private static List<Integer> counts(JsonNode report) {
    return List.of(report.get("rowsRead").asInt(), report.get("accepted").asInt(),
        report.get("rejected").asInt(), report.get("duplicates").asInt(),
        report.get("casesOpened").asInt());
  }

  private String name(String idNumber) {
    return jdbc.sql("SELECT name FROM child WHERE id_number = ?").param(idNumber)
        .query(String.class).single();
  }

  private long openCases(String idNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM protection_case c JOIN child ch ON ch.id = c.child_id "
        + "WHERE ch.id_number = ?").param(idNumber).query(Long.class).single();
  }

  private long reports(String idNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM report r JOIN protection_case c ON c.id = r.case_id "
        + "JOIN child ch ON ch.id = c.child_id WHERE ch.id_number = ?").param(idNumber)
        .query(Long.class).single();
  }

  private long[] totals() {
    return new long[] {count("child"), count("guardian"), count("protection_case"),
        count("report")};
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static String flipCheck(String idNumber) {
    char check = idNumber.charAt(17);
    return idNumber.substring(0, 17) + (check == '0' ? '1' : '0');
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
