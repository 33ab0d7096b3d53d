package org.childprotection.court;

import static org.childprotection.process.ProcessVariables.ACCEPTED_DATE;
import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.APPOINTED_GUARDIAN;
import static org.childprotection.process.ProcessVariables.COURT_CASE_NUMBER;
import static org.childprotection.process.ProcessVariables.RULING_DATE;
import static org.childprotection.process.ProcessVariables.RULING_OUTCOME;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.api.NotFoundException;
import org.childprotection.api.RefusedException;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.court.CourtApplications.Application;
import org.childprotection.registry.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the court's acceptance and judgment to the waiting proceedings. An identical repeat is
 * accepted once; a different answer after an acceptance or a judgment is a conflict; the
 * registry and the engine change together or not at all.
 */
@Service
public class CourtCallbackService {

  private static final Set<String> REVOCATION_OUTCOMES = Set.of("REVOKED", "DISMISSED");
  private static final Set<String> RESTORATION_OUTCOMES = Set.of("RESTORED", "DISMISSED");

  private final CourtApplications applications;
  private final AcceptanceDates acceptanceDates;
  private final ProcessEngine engine;
  private final AuditLog audit;

  public CourtCallbackService(CourtApplications applications, AcceptanceDates acceptanceDates,
      ProcessEngine engine, AuditLog audit) {
    this.applications = applications;
    this.acceptanceDates = acceptanceDates;
    this.engine = engine;
    this.audit = audit;
  }

  @Transactional
  public CourtCallbackResult receive(CourtCallback callback, String caller) {
    Application application = applications.byNumberForUpdate(callback.applicationNumber())
        .orElseThrow(() -> new NotFoundException("applicationNumber", "申请编号不存在"));
    CourtCallbackResult result = callback.isRuling()
        ? ruling(application, callback) : acceptance(application, callback);
    audit.record(caller, "COURT_" + result.status(), null);
    return result;
  }

  private CourtCallbackResult acceptance(Application application, CourtCallback callback) {
    LocalDate acceptedDate = LocalDate.parse(callback.acceptedDate());
    if (application.accepted()) {
      checkSameAcceptance(application, acceptedDate);
      if (Objects.equals(application.courtCaseNumber(), callback.courtCaseNumber())) {
        return new CourtCallbackResult(application.applicationNumber(), "ACCEPTED", true);
      }
      throw alreadyAccepted(application);
    }
    accept(application, callback.courtCaseNumber(), acceptedDate);
    return new CourtCallbackResult(application.applicationNumber(), "ACCEPTED", false);
  }

  private CourtCallbackResult ruling(Application application, CourtCallback callback) {
    Set<String> allowed = "RESTORATION".equals(application.applicationType())
        ? RESTORATION_OUTCOMES : REVOCATION_OUTCOMES;
    if (!allowed.contains(callback.outcome())) {
      throw new CourtConflictException("判决结果 " + callback.outcome() + " 与申请类型不符");
    }
    LocalDate rulingDate = LocalDate.parse(callback.rulingDate());
    LocalDate acceptedDate = callback.acceptedDate() == null || callback.acceptedDate().isBlank()
        ? null : LocalDate.parse(callback.acceptedDate());
    if (application.accepted() && acceptedDate != null) {
      checkSameAcceptance(application, acceptedDate);
    }
    if (application.ruled()) {
      boolean same = Objects.equals(application.outcome(), callback.outcome())
          && Objects.equals(application.courtCaseNumber(), callback.courtCaseNumber())
          && Objects.equals(application.rulingDate(), rulingDate)
          && Objects.equals(application.appointedGuardian(), callback.appointedGuardian());
      if (same) {
        return new CourtCallbackResult(application.applicationNumber(), "RULED", true);
      }
      throw new CourtConflictException("该申请已判决，不能更改");
    }
    if (!application.accepted()) {
      accept(application, callback.courtCaseNumber(), acceptedDate);
    }
    applications.markRuled(application.applicationNumber(), callback.courtCaseNumber(),
        callback.outcome(), rulingDate, callback.appointedGuardian());
    Map<String, Object> judgment = new HashMap<>();
    COURT_CASE_NUMBER.putInto(judgment, callback.courtCaseNumber());
    RULING_OUTCOME.putInto(judgment, callback.outcome());
    RULING_DATE.putInto(judgment, rulingDate);
    APPOINTED_GUARDIAN.putInto(judgment, callback.appointedGuardian());
    correlate(CourtProceedings.RULED_MESSAGE, application.applicationNumber(), judgment);
    return new CourtCallbackResult(application.applicationNumber(), "RULED", false);
  }

  /**
   * The court accepted on this date (null when its judgment came first and did not say): the
   * judgment's time limit runs from it, so a day that cannot be it is refused.
   */
  private void accept(Application application, String courtCaseNumber, LocalDate acceptedDate) {
    if (acceptedDate != null) {
      acceptanceDates.refusal(application, acceptedDate).ifPresent(reason -> {
        throw RefusedException.badRequest("acceptedDate", reason);
      });
    }
    applications.markAccepted(application.applicationNumber(), courtCaseNumber, acceptedDate);
    Map<String, Object> acceptance = new HashMap<>();
    COURT_CASE_NUMBER.putInto(acceptance, courtCaseNumber);
    ACCEPTED_DATE.putInto(acceptance, acceptedDate);
    correlate(CourtProceedings.ACCEPTED_MESSAGE, application.applicationNumber(), acceptance);
  }

  /** A court that names another acceptance date than the one it gave before contradicts it. */
  private static void checkSameAcceptance(Application application, LocalDate acceptedDate) {
    if (application.acceptedDate() != null && !application.acceptedDate().equals(acceptedDate)) {
      throw alreadyAccepted(application);
    }
  }

  private static CourtConflictException alreadyAccepted(Application application) {
    return new CourtConflictException("该申请已由法院受理（案号 " + application.courtCaseNumber()
        + (application.acceptedDate() == null ? "" : "，受理日期 " + application.acceptedDate())
        + "）");
  }

  /**
   * The court's system answers for the platform, not for a district: the proceedings are
   * found whatever their tenant.
   */
  private void correlate(String message, String applicationNumber,
      Map<String, Object> variables) {
    PlatformIdentity.asPlatform(engine.getIdentityService(), () -> {
      try {
        return engine.getRuntimeService().createMessageCorrelation(message)
            .processInstanceVariableEquals(APPLICATION_NUMBER.name(), applicationNumber)
            .setVariables(variables)
            .correlateWithResult();
      } catch (MismatchingMessageCorrelationException e) {
        throw new CourtConflictException("该申请当前不在等待法院答复（可能由法院用户在任务列表中办理）");
      }
    });
  }
}
