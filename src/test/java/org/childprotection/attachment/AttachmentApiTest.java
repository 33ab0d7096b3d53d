package org.childprotection.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.childprotection.casework.CaseFixtures.report;
import static org.childprotection.casework.CaseFixtures.with;
import static org.childprotection.casework.CaseFixtures.yellowAnswers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attachments of a case (issue 15): every allowed type goes in and comes out byte for byte with
 * its checksum; every kind of bad upload is a 4xx naming the field and stores nothing; the case's
 * district and the police with a task of the case upload and download, a unit with a referral
 * neither (403), anybody else learns nothing (404, as for an unknown case); the audit log has
 * every upload and download.
 */
class AttachmentApiTest extends PlatformTest {

  @Autowired
  JdbcClient jdbc;

  @Test
  void eachAllowedTypeComesBackByteForByteWithItsChecksum() throws Exception {
    OpenCase opened = openCase(false, "SPECIAL_HARDSHIP");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("伤情照片.jpg", TestFiles.jpeg());
    files.put("scan.JPEG", TestFiles.jpeg());
    files.put("现场.png", TestFiles.png());
    files.put("判决书.pdf", TestFiles.pdf());
    files.put("同意书.docx", TestFiles.docx());
    Map<String, String> types = Map.of("伤情照片.jpg", "image/jpeg", "scan.JPEG", "image/jpeg",
        "现场.png", "image/png", "判决书.pdf", "application/pdf", "同意书.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Http.Response uploaded = upload(as("gulou"), opened.number(), "PHOTO", file.getKey(),
          file.getValue(), null);
      assertThat(uploaded.status()).as(file.getKey() + ": " + uploaded).isEqualTo(201);
      JsonNode attachment = uploaded.json();
      assertThat(attachment.get("fileName").asText()).isEqualTo(file.getKey());
      assertThat(attachment.get("kind").asText()).isEqualTo("PHOTO");
      assertThat(attachment.get("kindName").asText()).isEqualTo("照片");
      assertThat(attachment.get("contentType").asText()).isEqualTo(types.get(file.getKey()));
      assertThat(attachment.get("size").asLong()).isEqualTo(file.getValue().length);
      assertThat(attachment.get("sha256").asText()).isEqualTo(sha256(file.getValue()));
      assertThat(attachment.get("uploadedBy").asText()).isEqualTo("gulou");
      assertThat(attachment.hasNonNull("uploadedAt")).isTrue();
      String path = attachmentPath(opened.number(), attachment.get("id").asLong());
      assertThat(uploaded.header("Location")).isEqualTo(path);

      HttpResponse<byte[]> downloaded = download("gulou", path);
      assertThat(downloaded.statusCode()).isEqualTo(200);
      assertThat(downloaded.body()).isEqualTo(file.getValue());
      assertThat(sha256(downloaded.body())).isEqualTo(attachment.get("sha256").asText());
      assertThat(downloaded.headers().firstValue("Content-Type"))
          .hasValue(types.get(file.getKey()));
      assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment;").contains("UTF-8''");
    }
    assertThat(rows(opened.number())).isEqualTo(files.size());
    assertThat(audits("gulou", "UPLOAD_ATTACHMENT", opened.number())).isEqualTo(files.size());
    assertThat(audits("gulou", "DOWNLOAD_ATTACHMENT", opened.number())).isEqualTo(files.size());
  }

  @Test
  void anAttachmentOfATaskOutlivesTheTask() throws Exception {
    OpenCase opened = openCase(false, "SPECIAL_HARDSHIP");
    String triage = drive.task(opened.instance(), "triage").getId();

    Http.Response uploaded = upload(as("center"), opened.number(), "HANDOVER", "交接书.pdf",
        TestFiles.pdf(), triage);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("taskId").asText()).isEqualTo(triage);
    assertThat(uploaded.json().get("kindName").asText()).isEqualTo("交接书");

    drive.complete(opened.instance(), "triage", Map.of("urgent", false,
        "triageOutcome", "ASSESS",
        "triageLevel", "YELLOW", "confirmedCategories", List.of("SPECIAL_HARDSHIP")));
    assertThat(drive.hasTask(opened.instance(), "triage")).isFalse();

    HttpResponse<byte[]> downloaded = download("gulou",
        attachmentPath(opened.number(), uploaded.json().get("id").asLong()));
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(TestFiles.pdf());
  }

  @Test
  void badUploadsAreRefusedWithTheFieldAndStoreNothing() throws Exception {
    OpenCase opened = openCase(false, "SPECIAL_HARDSHIP");
    OpenCase other = openCase(false, "SPECIAL_HARDSHIP");
    String otherCasesTask = drive.task(other.instance(), "triage").getId();
    Http gulou = as("gulou");
    record Bad(String what, String kind, String name, byte[] content, String taskId, int status,
        String field, String message) {}
    List<Bad> bad = List.of(
        new Bad("over the limit", "PHOTO", "big.pdf", TestFiles.pdfOfSize(20 * 1024 * 1024 + 1),
            null, 413, "file", "20 MB"),
        new Bad("a type not taken", "PHOTO", "anim.gif", TestFiles.gif(), null, 400, "file",
            "只接受"),
        new Bad("a PDF named .jpg", "PHOTO", "photo.jpg", TestFiles.pdf(), null, 400, "file",
            "内容是 PDF"),
        new Bad("a PNG named .pdf", "JUDGMENT", "judgment.pdf", TestFiles.png(), null, 400,
            "file", "内容是 PNG"),
        new Bad("no extension", "PHOTO", "photo", TestFiles.png(), null, 400, "file",
            "扩展名与内容不符"),
        new Bad("zero bytes", "PHOTO", "empty.png", new byte[0], null, 400, "file", "文件为空"),
        new Bad("a cut PNG", "PHOTO", "cut.png", TestFiles.cut(TestFiles.png(), 12), null, 400,
            "file", "不完整"),
        new Bad("a cut PDF", "JUDGMENT", "cut.pdf", TestFiles.cut(TestFiles.pdf(), 7), null,
            400, "file", "不完整"),
        new Bad("a cut JPEG", "PHOTO", "cut.jpg", TestFiles.cut(TestFiles.jpeg(), 2), null, 400,
            "file", "不完整"),
        new Bad("a cut DOCX", "CONSENT", "cut.docx", TestFiles.cut(TestFiles.docx(), 30), null,
            400, "file", "不完整"),
        new Bad("a ZIP named .docx", "CONSENT", "archive.docx", TestFiles.zip(), null, 400,
            "file", "不是 Word 文档"),
        new Bad("an unknown kind", "SELFIE", "photo.png", TestFiles.png(), null, 400, "kind",
            "未知的附件类别"),
        new Bad("another case's task", "PHOTO", "photo.png", TestFiles.png(), otherCasesTask,
            400, "taskId", "不属于此个案"),
        new Bad("an unknown task", "PHOTO", "photo.png", TestFiles.png(), "no-such-task", 400,
            "taskId", "不属于此个案"),
        new Bad("a name of control characters only", "PHOTO", "\u0001\u0002", TestFiles.png(),
            null, 400, "file", "文件名无效"));

    for (Bad upload : bad) {
      Http.Response answer = upload(gulou, opened.number(), upload.kind(), upload.name(),
          upload.content(), upload.taskId());
      assertThat(answer.status()).as(upload.what() + ": " + answer).isEqualTo(upload.status());
      JsonNode error = answer.json().get("errors").get(0);
      assertThat(error.get("field").asText()).as(upload.what()).isEqualTo(upload.field());
      assertThat(error.get("message").asText()).as(upload.what()).contains(upload.message());
      assertThat(rows(opened.number())).as(upload.what()).isZero();
    }

    // A multipart body cut off before its end: the request is refused, nothing stored.
    String boundary = "cutboundary";
    byte[] cutBody = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
        + "PHOTO\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
        + "filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[cutBody.length + 40];
    System.arraycopy(cutBody, 0, body, 0, cutBody.length);
    System.arraycopy(TestFiles.png(), 0, body, cutBody.length, 40);
    Http.Response cut = gulou.postBytes("/api/cases/" + opened.number() + "/attachments",
        "multipart/form-data; boundary=" + boundary, body);
    assertThat(cut.status()).as(cut.toString()).isEqualTo(400);
    assertThat(cut.json().get("errors").get(0).get("field").asText()).isEqualTo("file");

    assertThat(rows(opened.number())).isZero();
    assertThat(audits("gulou", "UPLOAD_ATTACHMENT", opened.number())).isZero();
  }

  @Test
  void fileNamesAreStoredWithoutFoldersOrControlCharacters() {
    OpenCase opened = openCase(false, "SPECIAL_HARDSHIP");
    Http.Response folders = upload(as("gulou"), opened.number(), "PHOTO",
        "../../etc/证据/现场.png", TestFiles.png(), null);
    assertThat(folders.status()).as(folders.toString()).isEqualTo(201);
    assertThat(folders.json().get("fileName").asText()).isEqualTo("现场.png");

    Http.Response control = upload(as("gulou"), opened.number(), "PHOTO",
        "pho\u0001to\u0007\t.png", TestFiles.png(), null);
    assertThat(control.status()).as(control.toString()).isEqualTo(201);
    assertThat(control.json().get("fileName").asText()).isEqualTo("photo.png");
    assertThat(jdbc.sql("SELECT file_name FROM case_attachment WHERE id = ?")
        .param(control.json().get("id").asLong()).query(String.class).single())
        .isEqualTo("photo.png");
  }

  @Test
  void otherDistrictsLearnNothingAndUnitsWithAReferralMayNotUseAttachments() throws Exception {
    OpenCase opened = openCase(false, "LEFT_BEHIND");
    drive.complete(opened.instance(), "triage", Map.of("urgent", false,
        "triageOutcome", "ASSESS",
        "triageLevel", "YELLOW", "confirmedCategories", List.of("LEFT_BEHIND")));
    drive.complete(opened.instance(), "assessFamily", with(yellowAnswers(),
        "needSchooling", true));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(opened.instance())
        .taskCandidateGroup("education").count()).isEqualTo(1);

    Http.Response uploaded = upload(as("gulou"), opened.number(), "PHOTO", "photo.png",
        TestFiles.png(), null);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String path = attachmentPath(opened.number(), uploaded.json().get("id").asLong());
    Http.Response unknownCase = upload(as("qixia"), "NJ-1999-999999", "PHOTO", "photo.png",
        TestFiles.png(), null);
    assertThat(unknownCase.status()).isEqualTo(404);

    // Another district: exactly as for a case that does not exist.
    Http.Response qixia = upload(as("qixia"), opened.number(), "PHOTO", "photo.png",
        TestFiles.png(), null);
    assertThat(qixia.status()).isEqualTo(404);
    assertThat(qixia.body()).isEqualTo(unknownCase.body());
    assertThat(download("qixia", path).statusCode()).isEqualTo(404);
    assertThat(download("qixia", attachmentPath("NJ-1999-999999", 1)).statusCode())
        .isEqualTo(404);

    // A unit with a referral of the case: its masked view has no attachments.
    Http.Response education = upload(as("education"), opened.number(), "PHOTO", "photo.png",
        TestFiles.png(), null);
    assertThat(education.status()).as(education.toString()).isEqualTo(403);
    assertThat(download("education", path).statusCode()).isEqualTo(403);
    // A unit without a task of the case: nothing.
    Http.Response health = upload(as("health"), opened.number(), "PHOTO", "photo.png",
        TestFiles.png(), null);
    assertThat(health.status()).isEqualTo(404);
    assertThat(health.body()).isEqualTo(unknownCase.body());
    assertThat(download("police", path).statusCode()).isEqualTo(404);

    assertThat(rows(opened.number())).isEqualTo(1);
    for (String refused : List.of("qixia", "education", "health", "police")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND case_number = ?")
          .params(refused, opened.number()).query(Integer.class).single()).as(refused).isZero();
    }

    // Supervisors read every district's attachments.
    assertThat(download("supervisor", path).statusCode()).isEqualTo(200);
    assertThat(download("center", path).body()).isEqualTo(TestFiles.png());
  }

  @Test
  void thePoliceWithATaskOfTheCaseUploadAndDownload() throws Exception {
    OpenCase opened = openCase(true, "DOMESTIC_VIOLENCE");
    String dispatch = drive.task(opened.instance(), "policeResponse").getId();

    Http.Response uploaded = upload(as("police"), opened.number(), "INJURY_REPORT",
        "伤情鉴定.pdf", TestFiles.pdf(), dispatch);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("uploadedBy").asText()).isEqualTo("police");
    String path = attachmentPath(opened.number(), uploaded.json().get("id").asLong());

    HttpResponse<byte[]> downloaded = download("police", path);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(TestFiles.pdf());
    assertThat(download("gulou", path).body()).isEqualTo(TestFiles.pdf());
    assertThat(audits("police", "UPLOAD_ATTACHMENT", opened.number())).isEqualTo(1);
    assertThat(audits("police", "DOWNLOAD_ATTACHMENT", opened.number())).isEqualTo(1);

    // The court had no task of this case.
    assertThat(upload(as("court"), opened.number(), "JUDGMENT", "判决书.pdf", TestFiles.pdf(),
        null).status()).isEqualTo(404);
    assertThat(rows(opened.number())).isEqualTo(1);
  }

  private record OpenCase(String number, String instance) {}

  private OpenCase openCase(boolean danger, String category) {
    String instance = CaseFixtures.open(as("center"), drive, report("gulou", danger, category));
    return new OpenCase(drive.businessKey(instance), instance);
  }

  private static Http.Response upload(Http who, String caseNumber, String kind, String fileName,
      byte[] content, String taskId) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", kind);
    if (taskId != null) {
      fields.put("taskId", taskId);
    }
    return who.postMultipart("/api/cases/" + caseNumber + "/attachments", fields, "file",
        fileName, content);
  }

  private HttpResponse<byte[]> download(String user, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String attachmentPath(String caseNumber, long id) {
    return "/api/cases/" + caseNumber + "/attachments/" + id;
  }

  private int rows(String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM case_attachment a JOIN protection_case c "
            + "ON a.case_id = c.id WHERE c.case_number = ?")
        .param(caseNumber).query(Integer.class).single();
  }

  private int audits(String user, String action, String caseNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND action = ? "
            + "AND case_number = ?")
        .params(user, action, caseNumber).query(Integer.class).single();
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
