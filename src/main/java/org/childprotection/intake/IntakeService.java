package org.childprotection.intake;

import static org.childprotection.process.ProcessVariables.ADULT_DATE;
import static org.childprotection.process.ProcessVariables.CASE_NUMBER;
import static org.childprotection.process.ProcessVariables.CATEGORIES;
import static org.childprotection.process.ProcessVariables.CHILD_ID;
import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.IMMEDIATE_DANGER;
import static org.childprotection.process.ProcessVariables.MERGED_REPORT_DANGER;
import static org.childprotection.process.ProcessVariables.URGENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.engine.StepRefused;
import org.childprotection.registry.AuditLog;
import org.childprotection.registry.CaseFileService;
import org.childprotection.registry.Cases;
import org.childprotection.registry.Cases.Case;
import org.childprotection.registry.Children;
import org.childprotection.registry.Children.Child;
import org.childprotection.registry.IdNumber;
import org.childprotection.registry.Reports;
import org.childprotection.registry.Reports.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 受理: turns a checked report into a case. A retried ticket answers with its case; a report
 * about a child with an open case is added to that case (and can make it urgent); anything else
 * opens a case and starts its process. The registry rows and the engine's state are written in
 * one transaction, so a failure leaves nothing half-written.
 */
@Service
public class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
  private static final int ATTEMPTS = 3;

  private final Children children;
  private final Cases cases;
  private final Reports reports;
  private final AuditLog audit;
  private final ProcessEngine engine;
  private final TransactionTemplate transaction;
  private final Adulthood adulthood;
  private final Clock clock;
  private final CaseFileService caseFiles;

  public IntakeService(Children children, Cases cases, Reports reports, AuditLog audit,
      ProcessEngine engine, TransactionTemplate transaction, Adulthood adulthood, Clock clock,
      CaseFileService caseFiles) {
    this.children = children;
    this.cases = cases;
    this.reports = reports;
    this.audit = audit;
    this.engine = engine;
    this.transaction = transaction;
    this.adulthood = adulthood;
    this.clock = clock;
    this.caseFiles = caseFiles;
  }

  /**
   * Receives a report that passed {@link ReportValidator}. Concurrent reports about the same
   * new child collide on the registry's unique keys; the loser retries and finds the winner's
   * case.
   */
  public IntakeResult receive(ReportRequest report, String receivedBy) {
    // Case numbers come from a sequence, which locks nothing; a new year's sequence is created
    // here, before the intake's transaction.
    cases.prepareCaseNumbers(LocalDate.now(clock).getYear());
    for (int attempt = 1; ; attempt++) {
      try {
        // The intake acts for the platform, not for the caller: a hotline or the police may
        // report about a child of any district and add to that district's case.
        return transaction.execute(status -> PlatformIdentity.asPlatform(
            engine.getIdentityService(), () -> receiveOnce(report, receivedBy)));
      } catch (RuntimeException failure) {
        if (!collision(failure) || attempt == ATTEMPTS) {
          throw failure;
        }
        LOG.info("Intake collided with a concurrent report (attempt {}), retrying", attempt);
      }
    }
  }

  /**
   * A registry key taken meanwhile by a concurrent report: the child's, or the open case's,
   * which the start of the case's process registers (and the engine may wrap what its
   * listener threw).
   */
  static boolean collision(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataIntegrityViolationException) {
        return true;
      }
    }
    return false;
  }

  private IntakeResult receiveOnce(ReportRequest report, String receivedBy) {
    Optional<Report> earlier = earlierReport(report);
    if (earlier.isPresent()) {
      return IntakeResult.merged(cases.byId(earlier.get().caseId()).caseNumber());
    }
    Optional<Child> known = knownChild(report);
    boolean danger = Boolean.TRUE.equals(report.immediateDanger());
    Optional<Case> open = known.flatMap(child -> cases.openCaseOfChild(child.id()));
    if (open.isPresent()) {
      return addToCase(open.get(), report, danger, receivedBy);
    }
    return openCase(known.orElseGet(() -> registerChild(report)), report, danger, receivedBy,
        "REPORT_OPENED");
  }

  private IntakeResult addToCase(Case openCase, ReportRequest report, boolean danger,
      String receivedBy) {
    Set<String> categories = new LinkedHashSet<>(List.of(openCase.categories().split(",")));
    categories.addAll(report.suspectedCategories());
    List<String> allCategories = List.copyOf(categories);
    cases.raiseUrgency(openCase.id(), danger, danger, String.join(",", allCategories));
    reports.insert(toReport(openCase.id(), report, receivedBy, "MERGED"));
    Map<String, Object> merged = new HashMap<>();
    CATEGORIES.putInto(merged, allCategories);
    URGENT.putInto(merged, openCase.urgent() || danger);
    IMMEDIATE_DANGER.putInto(merged, openCase.immediateDanger() || danger);
    MERGED_REPORT_DANGER.putInto(merged, danger);
    engine.getRuntimeService().createMessageCorrelation(CaseProcess.REPORT_MERGED_MESSAGE)
        .processInstanceBusinessKey(openCase.caseNumber())
        .setVariables(merged)
        .correlate();
    audit.record(receivedBy, "REPORT_MERGED", openCase.caseNumber());
    return IntakeResult.merged(openCase.caseNumber());
  }

  private IntakeResult openCase(Child child, ReportRequest report, boolean danger,
      String receivedBy, String auditAction) {
    Registered registered = register(child, report, danger);
    String caseNumber = registered.opening().caseNumber();
    // The case is registered with its instance as the instance starts (CaseOpeningListener).
    ProcessInstance instance = registered.opening().during(() -> engine.getRuntimeService()
        .startProcessInstanceByKey(CaseProcess.PROCESS_KEY, caseNumber, registered.variables()));
    reports.insert(toReport(registered.opening().caseId(), report, receivedBy, "OPENED"));
    audit.record(receivedBy, auditAction, caseNumber);
    return IntakeResult.opened(caseNumber, instance.getId());
  }

  /**
   * Opens a case that a caseworker registers from Tasklist (process {@code case-registration}),
   * inside that start's transaction: the same registration as a report's, and the case's process
   * started by the platform, since nobody but an administrator may start it with variables of
   * their own. A child who has an open case gets no second one.
   */
  public IntakeResult openRegisteredInTasklist(ReportRequest report, String startedBy) {
    Optional<Child> known = knownChild(report);
    known.flatMap(child -> cases.openCaseOfChild(child.id())).ifPresent(open -> {
      throw new StepRefused("childIdNumber", caseFiles.mayRead(open.caseNumber())
          ? "该儿童已有在办案件 " + open.caseNumber() + "，请在该案件中处理（新情况可通过报告并入）"
          : "该儿童已有在办案件（由您无权查看的单位办理），新情况请通过报告并入");
    });
    return PlatformIdentity.asPlatform(engine.getIdentityService(), () -> openCase(
        known.orElseGet(() -> registerChild(report)), report,
        Boolean.TRUE.equals(report.immediateDanger()), startedBy, "CASE_STARTED_IN_TASKLIST"));
  }

  /** A case about to be opened, and the variables its process starts with. */
  private record Registered(CaseOpening opening, Map<String, Object> variables) {}

  /**
   * The case to open, and the variables its process starts with: only what its models, forms
   * and delegates read (the case's id the start adds, CaseOpeningListener), and the day the child
   * comes of age, which only the start reads. The report's channel and the child's household
   * stay in the registry (each variable costs the intake a row).
   */
  private Registered register(Child child, ReportRequest report, boolean danger) {
    String district = report.location().district();
    String caseNumber = cases.nextCaseNumber(LocalDate.now(clock).getYear());
    CaseOpening opening = new CaseOpening(caseNumber, child.id(), district,
        String.join(",", report.suspectedCategories()), danger);

    Map<String, Object> variables = new HashMap<>();
    CASE_NUMBER.putInto(variables, caseNumber);
    CHILD_ID.putInto(variables, child.id());
    DISTRICT.putInto(variables, district);
    CATEGORIES.putInto(variables, report.suspectedCategories());
    IMMEDIATE_DANGER.putInto(variables, danger);
    URGENT.putInto(variables, danger);
    // Read once, by the start's timer of the coming of age (Adulthood.of): not stored.
    variables.put(ADULT_DATE.name(), Variables.dateValue(
        adulthood.dateFor(child.birthDate(), child.estimatedAge()), true));
    return new Registered(opening, variables);
  }

  /** The report received before under the same channel ticket, if the report has one. */
  private Optional<Report> earlierReport(ReportRequest report) {
    return report.channelTicketId() == null || report.channelTicketId().isBlank()
        ? Optional.empty()
        : reports.byTicket(report.channel(), report.channelTicketId());
  }

  private Optional<Child> knownChild(ReportRequest report) {
    ReportRequest.Child child = report.child();
    return child.idNumber() != null && !child.idNumber().isBlank()
        ? children.byIdNumber(child.idNumber())
        : children.byNameAndBirth(child.name().trim(), birthDate(child),
            report.location().district());
  }

  /** The child the report is about, new to the registry (who has no case yet). */
  private Child registerChild(ReportRequest report) {
    ReportRequest.Child child = report.child();
    Child registered = new Child(0, child.name().trim(), child.gender(), birthDate(child),
        child.estimatedAge(), blankToNull(child.idNumber()), blankToNull(child.household()),
        report.location().district(), report.location().street(),
        report.location().community(), report.location().address());
    long id = children.insert(registered);
    if (report.guardians() != null) {
      report.guardians().forEach(g -> children.addGuardian(id,
          new Children.Guardian(g.name(), g.relation(), g.phone(), g.status())));
    }
    return registered.withId(id);
  }

  private Report toReport(long caseId, ReportRequest report, String receivedBy, String outcome) {
    ReportRequest.Reporter reporter = report.reporter();
    OffsetDateTime receivedAt = report.receivedAt() == null || report.receivedAt().isBlank()
        ? OffsetDateTime.now(clock) : OffsetDateTime.parse(report.receivedAt());
    return new Report(0, caseId, report.channel(), blankToNull(report.channelTicketId()),
        receivedAt,
        reporter == null ? null : reporter.name(),
        reporter == null ? null : reporter.phone(),
        reporter == null ? null : reporter.type(),
        reporter == null ? null : reporter.organisation(),
        firstReceivingUnit(report, receivedBy),
        Boolean.TRUE.equals(report.immediateDanger()),
        String.join(",", report.suspectedCategories()),
        report.description(), outcome);
  }

  /** 首接单位: the reporter's organisation where given, else the channel's receiving unit. */
  private static String firstReceivingUnit(ReportRequest report, String receivedBy) {
    if (report.reporter() != null && report.reporter().organisation() != null
        && !report.reporter().organisation().isBlank()) {
      return report.reporter().organisation();
    }
    return Channel.ofCode(report.channel()).map(Channel::chineseName).orElse(receivedBy);
  }

  private LocalDate birthDate(ReportRequest.Child child) {
    if (child.birthDate() != null && !child.birthDate().isBlank()) {
      return LocalDate.parse(child.birthDate());
    }
    if (child.idNumber() != null && !child.idNumber().isBlank()) {
      return IdNumber.birthDate(child.idNumber()).orElse(null);
    }
    return null;
  }



  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
