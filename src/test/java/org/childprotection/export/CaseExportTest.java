package org.childprotection.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.casework.CaseFixtures.idNumber;
import static org.childprotection.casework.CaseFixtures.reportAbout;
import static org.childprotection.casework.CaseFixtures.with;
import static org.childprotection.casework.CaseFixtures.yellowAnswers;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports (issue 15): a case file as a PDF in Chinese, read back as text; a district's case list
 * as an Excel sheet, read back with POI; who may export what, and the audit of every export.
 */
class CaseExportTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void theCaseFileIsAPdfInChineseForTheFullViewOnly() throws Exception {
    String id = idNumber(LocalDate.now().minusYears(9));
    Assessed assessed = assessedCase(id);
    assertThat(as("gulou").postJson("/api/cases/" + assessed.number() + "/notes",
        Map.of("text", "家访记录：祖母同意配合学校")).status()).isEqualTo(201);

    HttpResponse<byte[]> exported = get("gulou", "/api/cases/" + assessed.number() + "/export.pdf");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;");
    String text;
    try (PDDocument document = Loader.loadPDF(exported.body())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text).contains("未成年人保护个案档案", assessed.number(), "测试儿童", "鼓楼区",
        "留守流动", "三级（黄）", "市教育局", id, "导出人", "gulou", "第 1 页");
    // The notes and the timeline are part of the file a court or an archive receives.
    assertThat(text).contains("个案记录", "家访记录：祖母同意配合学校", "时间线", "附件");
    assertThat(audits("gulou", "EXPORT_PDF", assessed.number())).isEqualTo(1);

    // The police's and a unit's masked views, another district, an unknown case.
    Http.Response unknown = as("qixia").get("/api/cases/NJ-1999-999999/export.pdf");
    assertThat(unknown.status()).isEqualTo(404);
    Http.Response qixia = as("qixia").get("/api/cases/" + assessed.number() + "/export.pdf");
    assertThat(qixia.status()).isEqualTo(404);
    assertThat(qixia.body()).isEqualTo(unknown.body());
    assertThat(as("education").get("/api/cases/" + assessed.number() + "/export.pdf").status())
        .isEqualTo(403);
    assertThat(as("health").get("/api/cases/" + assessed.number() + "/export.pdf").status())
        .isEqualTo(404);
    for (String refused : List.of("qixia", "education", "health")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND case_number = ?")
          .params(refused, assessed.number()).query(Integer.class).single()).as(refused).isZero();
    }
  }

  @Test
  void thePoliceWithATaskMayNotExportTheCaseFile() throws Exception {
    Http.Response opened = as("center").postJson("/api/reports", reportAbout(
        idNumber(LocalDate.now().minusYears(7)), "gulou", true, "DOMESTIC_VIOLENCE"));
    assertThat(opened.status()).isEqualTo(201);
    drive.runJobs(opened.json().get("processInstanceId").asText());
    String number = opened.json().get("caseNumber").asText();

    assertThat(as("police").get("/api/cases/" + number + "/export.pdf").status()).isEqualTo(403);
    assertThat(get("supervisor", "/api/cases/" + number + "/export.pdf").statusCode())
        .isEqualTo(200);
    assertThat(audits("police", "EXPORT_PDF", number)).isZero();
    assertThat(audits("supervisor", "EXPORT_PDF", number)).isEqualTo(1);
  }

  @Test
  void aDistrictsCaseListIsAnExcelSheetWithMaskedIdNumbers() throws Exception {
    String id = idNumber(LocalDate.now().minusYears(9));
    Assessed gulouCase = assessedCase(id);
    Http.Response qixiaCase = as("center").postJson("/api/reports", reportAbout(
        idNumber(LocalDate.now().minusYears(10)), "qixia", false, "SPECIAL_HARDSHIP"));
    assertThat(qixiaCase.status()).isEqualTo(201);
    String qixiaNumber = qixiaCase.json().get("caseNumber").asText();

    HttpResponse<byte[]> exported = get("gulou", "/api/cases/export.xlsx?district=gulou");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    List<List<String>> rows = rows(exported.body());
    assertThat(rows.get(0)).containsExactly(CaseListXlsx.HEADERS);
    List<String> ours = rows.stream().filter(r -> r.get(0).equals(gulouCase.number()))
        .findFirst().orElseThrow();
    assertThat(ours).containsExactly(gulouCase.number(), "在办", ours.get(2), "", "测试儿童",
        id.substring(0, 4) + "**********" + id.substring(14), "留守流动", "三级（黄）", "鼓楼区");
    assertThat(ours.get(2)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(rows).noneMatch(r -> r.get(0).equals(qixiaNumber));
    assertThat(rows.subList(1, rows.size())).allMatch(r -> r.get(8).equals("鼓楼区"))
        .noneMatch(r -> r.get(5).matches("\\d{17}[\\dX]"));
    assertThat(audits("gulou", "EXPORT_XLSX", gulouCase.number())).isEqualTo(1);
    assertThat(audits("gulou", "EXPORT_XLSX", qixiaNumber)).isZero();

    // City level exports any district; another district's staff and other units none.
    HttpResponse<byte[]> bySupervisor = get("supervisor", "/api/cases/export.xlsx?district=qixia");
    assertThat(bySupervisor.statusCode()).isEqualTo(200);
    assertThat(rows(bySupervisor.body())).anyMatch(r -> r.get(0).equals(qixiaNumber));
    Http.Response qixia = as("qixia").get("/api/cases/export.xlsx?district=gulou");
    assertThat(qixia.status()).isEqualTo(403);
    assertThat(qixia.json().get("errors").get(0).get("field").asText()).isEqualTo("district");
    assertThat(as("education").get("/api/cases/export.xlsx?district=gulou").status())
        .isEqualTo(403);
    assertThat(as("gulou").get("/api/cases/export.xlsx?district=atlantis").status())
        .isEqualTo(400);
    assertThat(as("gulou").get("/api/cases/export.xlsx").status()).isEqualTo(400);
    for (String refused : List.of("qixia", "education")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND action = ?")
          .params(refused, "EXPORT_XLSX").query(Integer.class).single()).as(refused).isZero();
    }
  }

  private record Assessed(String number, String instance) {}

  /** A 鼓楼 case of a left-behind child, assessed YELLOW, with a referral to education. */
  private Assessed assessedCase(String idNumber) {
    String instance = CaseFixtures.open(as("center"), drive,
        reportAbout(idNumber, "gulou", false, "LEFT_BEHIND"));
    drive.complete(instance, "triage", CaseFixtures.triage("YELLOW", "LEFT_BEHIND"));
    drive.complete(instance, "assessFamily", with(yellowAnswers(), "needSchooling", true));
    return new Assessed(drive.businessKey(instance), instance);
  }

  private HttpResponse<byte[]> get(String user, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<List<String>> rows(byte[] xlsx) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (Row row : sheet) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < CaseListXlsx.HEADERS.length; i++) {
          values.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
        }
        rows.add(values);
      }
    }
    return rows;
  }

  private int audits(String user, String action, String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND action = ? "
            + "AND case_number = ?")
        .params(user, action, caseNumber).query(Integer.class).single();
  }
}
