package org.childprotection.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.childprotection.api.NotFoundException;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.Cases.Case;
import org.childprotection.registry.TaskContext.Ask;
import org.childprotection.registry.TaskContext.ChildFacts;
import org.childprotection.registry.TaskContext.Note;
import org.childprotection.registry.TaskContext.PreviousStep;
import org.childprotection.registry.TaskContext.ReportFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the context of a task for the caller, in the caller's view of its case. */
@Service
public class TaskContextService {

  static final String NOT_FOUND = "任务不存在或无权查看";
  static final String SURVEY_PROCESS = "district-survey";
  static final String REFERRAL_TASK = "handleReferral";

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final Cases cases;
  private final Children children;
  private final Reports reports;
  private final Referrals referrals;
  private final CaseAccess access;
  private final CaseFacts facts;
  private final FormNotes forms;
  private final DisposalAsks asks;
  private final AuditLog audit;
  private final Clock clock;

  public TaskContextService(TaskService tasks, HistoryService history, IdentityService identity,
      Cases cases, Children children, Reports reports, Referrals referrals, CaseAccess access,
      CaseFacts facts, FormNotes forms, DisposalAsks asks, AuditLog audit, Clock clock) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.cases = cases;
    this.children = children;
    this.reports = reports;
    this.referrals = referrals;
    this.access = access;
    this.facts = facts;
    this.forms = forms;
    this.asks = asks;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public TaskContext contextOf(String taskId) {
    boolean taskVisible = tasks.createTaskQuery().taskId(taskId).count() == 1
        || history.createHistoricTaskInstanceQuery().taskId(taskId).count() == 1;
    HistoricTaskInstance task = PlatformIdentity.asPlatform(identity,
        () -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw notFound();
    }
    if (SURVEY_PROCESS.equals(task.getProcessDefinitionKey())) {
      if (!taskVisible) {
        throw notFound();
      }
      return new TaskContext(task.getId(), task.getName(), task.getDueDate(),
          task.getStartTime(), null, null, task.getTenantId(),
          Vocabulary.district(task.getTenantId()), null, null, List.of(), null, null,
          List.of(), null, List.of(), null, null, View.FULL.name());
    }
    Optional<Case> found = Optional.ofNullable(task.getRootProcessInstanceId())
        .flatMap(cases::byProcessInstance);
    if (found.isEmpty()) {
      throw notFound();
    }
    Case c = found.get();
    View view = access.viewOf(c).orElseGet(() -> {
      if (!taskVisible) {
        throw notFound();
      }
      View unit = access.unitView();
      return unit == null ? View.UNIT : unit;
    });
    audit.record(access.callerId(), "READ_TASK_CONTEXT", c.caseNumber());
    return assemble(task, c, view);
  }

  private TaskContext assemble(HistoricTaskInstance task, Case c, View view) {
    boolean unit = view == View.UNIT;
    Children.Child child = children.byId(c.childId());
    String address = unit
        ? Vocabulary.district(child.district()) + join(child.street())
        : Vocabulary.district(child.district()) + join(child.street())
            + join(child.community()) + join(child.address());
    ChildFacts childFacts = new ChildFacts(child.name(), child.gender(),
        Vocabulary.gender(child.gender()), Masking.age(child, LocalDate.now(clock)),
        unit ? null : Masking.idNumber(child.idNumber()), address, facts.whereNow(c, !unit));
    List<ReportFacts> reportFacts = reports.ofCase(c.id()).stream()
        .map(r -> new ReportFacts(r.receivedAt(), r.channel(),
            Vocabulary.channel(r.channel()),
            unit ? null : r.description(), unit ? null : r.reporterName(),
            unit ? null : r.reporterPhone(), r.immediateDanger()))
        .toList();
    List<String> reasons = facts.riskReasons(c.id());
    return new TaskContext(task.getId(), task.getName(), task.getDueDate(), task.getStartTime(),
        c.caseNumber(), c.status(), c.district(), Vocabulary.district(c.district()),
        c.urgent(), c.immediateDanger(), CaseFacts.categories(c.categories()), c.riskLevel(),
        RiskLevel.chineseNameOf(c.riskLevel()), reasons, childFacts, reportFacts,
        previousStep(task, unit), ask(task, c, reasons), view.name());
  }

  private static String join(String part) {
    return part == null || part.isBlank() ? "" : part;
  }

  /**
   * The task of the case's instances completed last before this one was created, with the
   * note-like fields of its form. Units get who and when, not the notes (the assessment's
   * notes hold the family's history).
   */
  private PreviousStep previousStep(HistoricTaskInstance task, boolean unit) {
    if (task.getRootProcessInstanceId() == null) {
      return null;
    }
    return PlatformIdentity.asPlatform(identity, () -> {
      Optional<HistoricTaskInstance> previous = history.createHistoricTaskInstanceQuery()
          .rootProcessInstanceId(task.getRootProcessInstanceId()).finished().list().stream()
          .filter(t -> !t.getId().equals(task.getId()))
          .filter(t -> "completed".equals(t.getDeleteReason()))
          .filter(t -> !t.getEndTime().after(task.getStartTime()))
          .max(Comparator.comparing(HistoricTaskInstance::getEndTime));
      if (previous.isEmpty()) {
        return null;
      }
      HistoricTaskInstance step = previous.get();
      String completedBy = history.createUserOperationLogQuery().taskId(step.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
          .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
          .orElse(step.getAssignee());
      List<Note> notes = unit ? List.of() : notesOf(step);
      return new PreviousStep(step.getName(), completedBy, facts.userName(completedBy),
          step.getEndTime(), notes);
    });
  }

  private List<Note> notesOf(HistoricTaskInstance step) {
    String form = forms.formOf(step.getProcessDefinitionId(), step.getTaskDefinitionKey());
    List<FormNotes.Field> fields = forms.notesOf(form);
    if (fields.isEmpty()) {
      return List.of();
    }
    List<HistoricVariableInstance> values = history.createHistoricVariableInstanceQuery()
        .processInstanceId(step.getProcessInstanceId())
        .variableNameIn(fields.stream().map(FormNotes.Field::key).toArray(String[]::new))
        .list();
    List<Note> notes = new ArrayList<>();
    for (FormNotes.Field field : fields) {
      values.stream().filter(v -> v.getName().equals(field.key()) && v.getValue() != null)
          .max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
          .map(v -> forms.optionLabel(form, field.key(), v.getValue().toString()))
          .filter(v -> !v.isBlank())
          .ifPresent(v -> notes.add(new Note(field.key(), field.label(), v)));
    }
    return notes;
  }

  /** For a referral: the unit, what the disposal plan asks of it and why. */
  private Ask ask(HistoricTaskInstance task, Case c, List<String> reasons) {
    if (!REFERRAL_TASK.equals(task.getTaskDefinitionKey())) {
      return null;
    }
    Optional<String> unit = referrals.byTask(task.getId()).map(Referrals.Referral::unit);
    if (unit.isEmpty()) {
      return null;
    }
    List<String> categories = Arrays.stream(c.categories().split(",")).map(String::trim)
        .toList();
    List<String> needs = PlatformIdentity.asPlatform(identity, () -> history
        .createHistoricVariableInstanceQuery().processInstanceId(c.processInstanceId())
        .variableName("needs").list().stream().map(HistoricVariableInstance::getValue)
        .filter(Objects::nonNull).findFirst()
        .map(n -> Arrays.stream(n.toString().split(",")).map(String::trim).toList())
        .orElse(List.of()));
    List<String> what = PlatformIdentity.asPlatform(identity,
        () -> asks.asksOf(unit.get(), categories, needs));
    String why = "类别：" + String.join("、", CaseFacts.categories(c.categories()).stream()
        .map(TaskContext.Code::name).toList())
        + (c.riskLevel() == null ? "" : "；风险等级：" + RiskLevel.chineseNameOf(c.riskLevel()))
        + (reasons.isEmpty() ? "" : "；评估理由：" + String.join("；", reasons));
    return new Ask(unit.get(), Vocabulary.group(unit.get()), what.isEmpty() ? "按处置方案转介办理" : String.join("；", what), why);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("taskId", NOT_FOUND);
  }
}
