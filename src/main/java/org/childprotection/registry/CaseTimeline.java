package org.childprotection.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.registry.Cases.Case;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything that happened in a case, oldest first: reports, the steps worked in its instances
 * with their notes, assessments, referrals and their feedback, visits, measures, court
 * applications and rulings, placements, notifications, notes and the closure.
 */
@Component
public class CaseTimeline {

  /** One thing that happened. */
  @Schema(name = "TimelineEntry")
  public record Entry(OffsetDateTime at, String kind, String title, String detail, String by) {}

  /** Tasks the registry records more fully (a row of its own), left out as plain steps. */
  private static final Set<String> RECORDED_TASKS = Set.of("assessFamily", "followUpVisit",
      "handleReferral", "applyMeasure", "appointGuardian", "recordAcceptance", "recordRuling");

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final IdentityService identity;
  private final FormNotes forms;

  public CaseTimeline(JdbcClient jdbc, HistoryService history, IdentityService identity,
      FormNotes forms) {
    this.jdbc = jdbc;
    this.history = history;
    this.identity = identity;
    this.forms = forms;
  }

  public List<Entry> of(Case c, CaseFile file, List<CaseFile.NoteView> notes,
      List<CaseAttachments.AttachmentView> attachments,
      List<CaseFile.NotificationView> notifications) {
    List<Entry> entries = new ArrayList<>();
    for (Reports.Report r : file.reports()) {
      entries.add(new Entry(r.receivedAt(), "REPORT", "收到报告（"
          + Vocabulary.channel(r.channel()) + "）",
          r.description(), r.firstReceivingUnit()));
    }
    entries.addAll(steps(c));
    for (Assessments.Assessment a : file.assessments()) {
      entries.add(new Entry(a.assessedAt(), "ASSESSMENT",
          ("INITIAL".equals(a.kind()) ? "评估定级：" : "复评：")
              + RiskLevel.chineseNameOf(a.riskLevel()) + "（" + a.total() + " 分）",
          a.reasons(), a.assessedBy()));
    }
    for (Referrals.Referral r : file.referrals()) {
      String unit = Vocabulary.group(r.unit());
      entries.add(new Entry(r.createdAt(), "REFERRAL", "转介：" + unit, null, null));
      if (r.completedAt() != null) {
        entries.add(new Entry(r.completedAt(), "REFERRAL_FEEDBACK", "转介反馈：" + unit,
            joined(r.actionTaken(), r.result()), r.completedBy()));
      }
    }
    for (Visits.Visit v : file.visits()) {
      entries.add(new Entry(v.visitedAt(), "VISIT", "跟踪走访", joined(v.notes(), v.guidance()),
          v.visitedBy()));
    }
    jdbc.sql("SELECT measure_type, note, taken_by, taken_at FROM guardianship_measure "
            + "WHERE case_id = ?").param(c.id())
        .query((rs, n) -> entries.add(new Entry(rs.getObject("taken_at", OffsetDateTime.class),
            "MEASURE", "干预措施：" + Vocabulary.measure(rs.getString("measure_type")),
            rs.getString("note"), rs.getString("taken_by"))))
        .list();
    jdbc.sql("SELECT * FROM court_application WHERE case_id = ?").param(c.id())
        .query((rs, n) -> {
          String number = rs.getString("application_number");
          entries.add(new Entry(rs.getObject("filed_at", OffsetDateTime.class),
              "COURT_APPLICATION", "向法院提出申请 " + number,
              Vocabulary.words("legalGround", rs.getString("legal_grounds")), null));
          if (rs.getObject("accepted_at") != null) {
            LocalDate acceptedDate = rs.getObject("accepted_date", LocalDate.class);
            entries.add(new Entry(rs.getObject("accepted_at", OffsetDateTime.class),
                "COURT_ACCEPTED", "法院受理 " + number, rs.getString("court_case_number")
                    + (acceptedDate == null ? "" : "（受理日期 " + acceptedDate + "）"), null));
          }
          if (rs.getObject("ruled_at") != null) {
            String outcome = rs.getString("outcome");
            entries.add(new Entry(rs.getObject("ruled_at", OffsetDateTime.class), "COURT_RULING",
                "法院判决：" + Vocabulary.courtOutcome(outcome),
                rs.getString("court_case_number"), null));
          }
          return null;
        }).list();
    jdbc.sql("SELECT placement, new_guardian, decided_by, decided_at FROM guardianship_placement "
            + "WHERE case_id = ?").param(c.id())
        .query((rs, n) -> entries.add(new Entry(rs.getObject("decided_at", OffsetDateTime.class),
            "PLACEMENT", "执行判决（监护人与安置）：" + Vocabulary.placement(rs.getString("placement")),
            rs.getString("new_guardian"), rs.getString("decided_by"))))
        .list();
    for (CaseFile.NotificationView n : notifications) {
      if ("OUTBOX".equals(n.channel())) {
        entries.add(new Entry(n.at(), "NOTIFICATION", n.subject(), null,
            Vocabulary.group(n.recipient())));
      }
    }
    for (CaseFile.NoteView note : notes) {
      entries.add(new Entry(note.createdAt(), "NOTE",
          note.corrects() == null ? "个案记录" : "更正个案记录", note.text(), note.author()));
    }
    for (CaseAttachments.AttachmentView a : attachments) {
      entries.add(new Entry(a.uploadedAt(), "ATTACHMENT", "上传附件：" + a.kindName(),
          a.fileName(), a.uploadedBy()));
    }
    if (c.closedAt() != null) {
      entries.add(new Entry(c.closedAt(), "CLOSURE", "结案："
          + Vocabulary.closureReason(c.closureReason()), c.closureNote(), null));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  /** The steps completed in the case's instances, with the notes of their forms. */
  private List<Entry> steps(Case c) {
    if (c.processInstanceId() == null) {
      return List.of();
    }
    return PlatformIdentity.asPlatform(identity, () -> {
      List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
          .rootProcessInstanceId(c.processInstanceId()).finished().list().stream()
          .filter(t -> "completed".equals(t.getDeleteReason()))
          .filter(t -> !RECORDED_TASKS.contains(t.getTaskDefinitionKey())).toList();
      if (done.isEmpty()) {
        return List.of();
      }
      List<HistoricVariableInstance> values = history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(done.stream().map(HistoricTaskInstance::getProcessInstanceId)
              .distinct().toArray(String[]::new))
          .variableNameIn(FormNotes.NOTE_KEYS.toArray(String[]::new)).list();
      List<Entry> entries = new ArrayList<>();
      for (HistoricTaskInstance t : done) {
        String form = forms.formOf(t.getProcessDefinitionId(), t.getTaskDefinitionKey());
        List<String> parts = new ArrayList<>();
        for (FormNotes.Field field : forms.notesOf(form)) {
          values.stream().filter(v -> v.getProcessInstanceId().equals(t.getProcessInstanceId())
                  && v.getName().equals(field.key()) && v.getValue() != null
                  && !v.getValue().toString().isBlank())
              .findFirst()
              .ifPresent(v -> parts.add(field.label() + "：" + v.getValue()));
        }
        entries.add(new Entry(utc(t.getEndTime()), "TASK", t.getName(),
            parts.isEmpty() ? null : String.join("；", parts), t.getAssignee()));
      }
      return entries;
    });
  }

  private static String joined(String first, String second) {
    if (first == null || first.isBlank()) {
      return second;
    }
    return second == null || second.isBlank() ? first : first + "；" + second;
  }

  private static OffsetDateTime utc(Date date) {
    return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
  }
}
