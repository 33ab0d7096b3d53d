package org.childprotection.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.childprotection.api.NotFoundException;
import org.childprotection.api.RefusedException;
import org.childprotection.api.TextChecks;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.Cases.Case;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a case file in the caller's view ({@link CaseAccess}), appends notes, lists who read
 * the file. Every read is written to the audit log.
 */
@Service
public class CaseFileService {

  static final String NOT_FOUND = "案件不存在或无权查看";
  public static final int MAX_NOTE = 4000;

  private final Cases cases;
  private final Children children;
  private final Reports reports;
  private final Assessments assessments;
  private final Referrals referrals;
  private final Visits visits;
  private final AuditLog audit;
  private final GuardianshipRecords guardianship;
  private final CaseAccess access;
  private final CaseNotes notes;
  private final CaseAttachments attachments;
  private final CaseTimeline timeline;
  private final CaseFacts facts;
  private final JdbcClient jdbc;
  private final Clock clock;

  public CaseFileService(Cases cases, Children children, Reports reports,
      Assessments assessments, Referrals referrals, Visits visits, AuditLog audit,
      GuardianshipRecords guardianship, CaseAccess access, CaseNotes notes,
      CaseAttachments attachments, CaseTimeline timeline, CaseFacts facts, JdbcClient jdbc, Clock clock) {
    this.cases = cases;
    this.children = children;
    this.reports = reports;
    this.assessments = assessments;
    this.referrals = referrals;
    this.visits = visits;
    this.audit = audit;
    this.guardianship = guardianship;
    this.access = access;
    this.notes = notes;
    this.attachments = attachments;
    this.timeline = timeline;
    this.facts = facts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The case file in the caller's view: a {@link CaseFile} or, for units, a {@link UnitCaseFile}. */
  @Transactional
  public Object read(String caseNumber, String reader) {
    Case found = cases.byNumber(caseNumber).orElseThrow(CaseFileService::notFound);
    View view = access.viewOf(found).orElseThrow(CaseFileService::notFound);
    audit.record(reader, "READ_CASE_FILE", caseNumber);
    List<CaseFile.OtherCase> otherCases = otherCases(found);
    if (view == View.UNIT) {
      return unitFile(found, otherCases);
    }
    Children.Child child = children.byId(found.childId());
    if (view == View.POLICE) {
      child = new Children.Child(child.id(), child.name(), child.gender(), child.birthDate(),
          child.estimatedAge(), Masking.idNumber(child.idNumber()), child.household(),
          child.district(), child.street(), child.community(), child.address());
    }
    CaseFile file = new CaseFile(found.caseNumber(), found.status(), found.district(),
        Arrays.asList(found.categories().split(",")), found.urgent(), found.immediateDanger(),
        found.riskLevel(), found.processInstanceId(), found.openedAt(), found.closedAt(),
        found.closureReason(), found.closureNote(), child, children.guardians(found.childId()),
        reports.ofCase(found.id()), assessments.ofCase(found.id()),
        referrals.ofCase(found.id()), visits.ofCase(found.id()),
        guardianship.proceedingsOf(found.id()), view.name(),
        Vocabulary.district(found.district()), RiskLevel.chineseNameOf(found.riskLevel()),
        otherCases, List.of(), List.of(), List.of(), List.of());
    List<CaseFile.NoteView> noteViews = notesOf(found);
    List<CaseAttachments.AttachmentView> attached = attachments.ofCase(found.id());
    List<CaseFile.NotificationView> notifications = notificationsOf(found);
    return file.with(view.name(), otherCases, noteViews, attached, notifications,
        timeline.of(found, file, noteViews, attached, notifications));
  }

  private UnitCaseFile unitFile(Case found, List<CaseFile.OtherCase> otherCases) {
    Children.Child child = children.byId(found.childId());
    List<String> reasons = facts.riskReasons(found.id());
    String why = "类别：" + String.join("、", CaseFacts.categories(found.categories()).stream()
        .map(TaskContext.Code::name).toList())
        + (reasons.isEmpty() ? "" : "；评估理由：" + String.join("；", reasons));
    List<String> units = access.unitGroups();
    List<UnitCaseFile.UnitReferral> own = referrals.ofCase(found.id()).stream()
        .filter(r -> units.contains(r.unit()))
        .map(r -> new UnitCaseFile.UnitReferral(r.unit(), Vocabulary.group(r.unit()),
            r.status(), r.dueAt(),
            r.completedAt(), why))
        .toList();
    return new UnitCaseFile(found.caseNumber(), found.status(), found.district(),
        Vocabulary.district(found.district()), CaseFacts.categories(found.categories()),
        found.urgent(), found.riskLevel(), RiskLevel.chineseNameOf(found.riskLevel()),
        found.openedAt(), found.closedAt(),
        new UnitCaseFile.UnitChild(child.name(), child.gender(),
            Vocabulary.gender(child.gender()), Masking.age(child, LocalDate.now(clock)),
            child.district(), Vocabulary.district(child.district()), child.street()),
        own, otherCases, View.UNIT.name());
  }

  private List<CaseFile.OtherCase> otherCases(Case found) {
    List<Case> others = cases.ofChild(found.childId()).stream()
        .filter(c -> c.id() != found.id()).toList();
    if (others.isEmpty()) {
      return List.of();
    }
    Map<Long, View> views = access.viewsOf(others);
    return others.stream().filter(c -> views.containsKey(c.id()))
        .map(c -> new CaseFile.OtherCase(c.caseNumber(), c.status(), c.openedAt(),
            c.closedAt()))
        .toList();
  }

  private List<CaseFile.NoteView> notesOf(Case found) {
    List<CaseNotes.StoredNote> stored = notes.ofCase(found.id());
    Map<String, String> names = facts.userNames(stored.stream().map(CaseNotes.StoredNote::author)
        .distinct().toList());
    return stored.stream().map(n -> new CaseFile.NoteView(n.id(), n.noteText(), n.author(),
        names.getOrDefault(n.author(), n.author()), n.createdAt(), n.corrects())).toList();
  }

  private List<CaseFile.NotificationView> notificationsOf(Case found) {
    return jdbc.sql("SELECT created_at, recipient, subject, channel FROM notification "
            + "WHERE case_number = ? ORDER BY created_at, id").param(found.caseNumber())
        .query((rs, n) -> new CaseFile.NotificationView(
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("channel")))
        .list();
  }

  /**
   * Appends a note (or a correction of an earlier note of the same case). FULL view only: a
   * unit that may read the case gets a 403, anybody else a 404. Bad text is a 400, unwritten.
   */
  @Transactional
  public CaseFile.NoteView addNote(String caseNumber, String text, Long corrects) {
    Case found = cases.byNumber(caseNumber).orElseThrow(CaseFileService::notFound);
    View view = access.viewOf(found).orElseThrow(CaseFileService::notFound);
    if (view != View.FULL) {
      throw RefusedException.forbidden("只有本案承办人员和督导可以添加个案记录");
    }
    if (text == null || text.isBlank()) {
      throw RefusedException.badRequest("text", "记录内容不能为空");
    }
    if (text.codePointCount(0, text.length()) > MAX_NOTE) {
      throw RefusedException.badRequest("text", "记录内容不能超过 " + MAX_NOTE + " 个字符");
    }
    if (TextChecks.hasControlCharacters(text)) {
      throw RefusedException.badRequest("text", TextChecks.CONTROL_CHARACTER_MESSAGE);
    }
    if (corrects != null) {
      Optional<CaseNotes.StoredNote> corrected = notes.byId(corrects);
      if (corrected.isEmpty() || corrected.get().caseId() != found.id()) {
        throw RefusedException.badRequest("corrects", "被更正的记录不属于本案");
      }
    }
    String author = access.callerId();
    CaseNotes.StoredNote note = notes.append(found.id(), text, author, corrects);
    audit.record(author, "ADD_NOTE", caseNumber);
    return new CaseFile.NoteView(note.id(), note.noteText(), note.author(),
        facts.userName(author), note.createdAt(), note.corrects());
  }

  /** One read or change of the child's file. */
  public record AccessEntry(OffsetDateTime at, String userId, String userName, String action,
      String actionName) {}

  /**
   * Who read or changed the child's file (every case of the child), newest first: for
   * supervisors and administrators; others who may read the case get a 403.
   */
  @Transactional
  public List<AccessEntry> accessLog(String caseNumber) {
    Case found = cases.byNumber(caseNumber).orElseThrow(CaseFileService::notFound);
    access.viewOf(found).orElseThrow(CaseFileService::notFound);
    if (!access.callerSupervises()) {
      throw RefusedException.forbidden("只有民政局、保护中心和系统管理员可以查看访问记录");
    }
    List<String> numbers = cases.ofChild(found.childId()).stream().map(Case::caseNumber)
        .toList();
    List<AuditLog.Entry> entries = audit.ofCases(numbers);
    Map<String, String> names = facts.userNames(entries.stream().map(AuditLog.Entry::userId)
        .distinct().toList());
    List<AccessEntry> log = new ArrayList<>();
    for (AuditLog.Entry e : entries) {
      log.add(new AccessEntry(e.at(), e.userId(), names.getOrDefault(e.userId(), e.userId()),
          e.action(), AuditLog.actionName(e.action())));
    }
    return log;
  }

  /**
   * Whether the caller may read the case in any view ({@link CaseAccess}): its number is told
   * only to those (a merged report's answer, a refused second case). A member unit with a task of
   * the case sees the number on that task already.
   */
  public boolean mayRead(String caseNumber) {
    return access.viewOf(caseNumber).isPresent();
  }

  private static NotFoundException notFound() {
    return new NotFoundException("caseNumber", NOT_FOUND);
  }
}
