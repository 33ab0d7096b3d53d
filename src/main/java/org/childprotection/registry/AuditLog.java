package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who read or changed which case, for the audit the personal-information law asks for. */
@Repository
public class AuditLog {

  /** The actions written here, with the names the access log shows. */
  private static final Map<String, String> ACTION_NAMES = Map.ofEntries(
      Map.entry("READ_CASE_FILE", "查看案卷"),
      Map.entry("READ_TASK_CONTEXT", "办理任务时查看案情"),
      Map.entry("ADD_NOTE", "添加个案记录"),
      Map.entry("REPORT_OPENED", "报告立案"),
      Map.entry("REPORT_MERGED", "报告并入本案"),
      Map.entry("CASE_STARTED_IN_TASKLIST", "在任务列表登记立案"),
      Map.entry("UPLOAD_ATTACHMENT", "上传附件"),
      Map.entry("DOWNLOAD_ATTACHMENT", "下载附件"),
      Map.entry("EXPORT_PDF", "导出案卷PDF"),
      Map.entry("EXPORT_XLSX", "导出个案清单Excel"));

  /** One line of the log. */
  public record Entry(OffsetDateTime at, String userId, String action, String caseNumber) {}

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, String action, String caseNumber) {
    jdbc.sql("INSERT INTO audit_log (user_id, action, case_number, at) VALUES (?, ?, ?, ?)")
        .params(userId == null ? "system" : userId, action, caseNumber, Children.now())
        .update();
  }

  /** The log of these cases, newest first. */
  public List<Entry> ofCases(List<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT at, user_id, action, case_number FROM audit_log "
            + "WHERE case_number IN (:numbers) ORDER BY at DESC, id DESC")
        .param("numbers", caseNumbers).query(RecordRowMapper.of(Entry.class)).list();
  }

  /** The Chinese name of an action, or the code for one not named here. */
  public static String actionName(String action) {
    return ACTION_NAMES.getOrDefault(action, action);
  }
}
