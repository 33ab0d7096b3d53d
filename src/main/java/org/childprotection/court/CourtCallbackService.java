package org.childprotection.court;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.api.NotFoundException;
import org.childprotection.court.CourtApplications.Application;
import org.childprotection.engine.PlatformIdentity;
import org.childprotection.registry.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the court's acceptance and ruling to the waiting proceedings. An identical repeat is
 * accepted once; a different answer after a ruling is a conflict; the registry and the engine
 * change together or not at all.
 */
@Service
public class CourtCallbackService {

  private static final Set<String> REVOCATION_OUTCOMES = Set.of("REVOKED", "DISMISSED");
  private static final Set<String> RESTORATION_OUTCOMES = Set.of("RESTORED", "DISMISSED");

  private final CourtApplications applications;
  private final ProcessEngine engine;
  private final AuditLog audit;

  public CourtCallbackService(CourtApplications applications, ProcessEngine engine,
      AuditLog audit) {
    this.applications = applications;
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
    if (application.accepted()) {
      if (Objects.equals(application.courtCaseNumber(), callback.courtCaseNumber())) {
        return new CourtCallbackResult(application.applicationNumber(), "ACCEPTED", true);
      }
      throw new CourtConflictException("该申请已由法院以案号 " + application.courtCaseNumber() + " 受理");
    }
    accept(application, callback.courtCaseNumber());
    return new CourtCallbackResult(application.applicationNumber(), "ACCEPTED", false);
  }

  private CourtCallbackResult ruling(Application application, CourtCallback callback) {
    Set<String> allowed = "RESTORATION".equals(application.applicationType())
        ? RESTORATION_OUTCOMES : REVOCATION_OUTCOMES;
    if (!allowed.contains(callback.outcome())) {
      throw new CourtConflictException("裁定结果 " + callback.outcome() + " 与申请类型不符");
    }
    LocalDate rulingDate = LocalDate.parse(callback.rulingDate());
    if (application.ruled()) {
      boolean same = Objects.equals(application.outcome(), callback.outcome())
          && Objects.equals(application.courtCaseNumber(), callback.courtCaseNumber())
          && Objects.equals(application.rulingDate(), rulingDate)
          && Objects.equals(application.appointedGuardian(), callback.appointedGuardian());
      if (same) {
        return new CourtCallbackResult(application.applicationNumber(), "RULED", true);
      }
      throw new CourtConflictException("该申请已裁定，不能更改");
    }
    if (!application.accepted()) {
      accept(application, callback.courtCaseNumber());
    }
    applications.markRuled(application.applicationNumber(), callback.courtCaseNumber(),
        callback.outcome(), rulingDate, callback.appointedGuardian());
    correlate(CourtProceedings.RULED_MESSAGE, application.applicationNumber(), callback);
    return new CourtCallbackResult(application.applicationNumber(), "RULED", false);
  }

  private void accept(Application application, String courtCaseNumber) {
    applications.markAccepted(application.applicationNumber(), courtCaseNumber);
    correlate(CourtProceedings.ACCEPTED_MESSAGE, application.applicationNumber(),
        new CourtCallback(application.applicationNumber(), courtCaseNumber, null, null, null));
  }

  /**
   * The court's system answers for the platform, not for a district: the proceedings are
   * found whatever their tenant.
   */
  private void correlate(String message, String applicationNumber, CourtCallback callback) {
    PlatformIdentity.asPlatform(engine.getIdentityService(), () -> {
      var correlation = engine.getRuntimeService().createMessageCorrelation(message)
          .processInstanceVariableEquals("applicationNumber", applicationNumber)
          .setVariable("courtCaseNumber", callback.courtCaseNumber());
      if (callback.isRuling()) {
        correlation.setVariable("rulingOutcome", callback.outcome())
            .setVariable("rulingDate", callback.rulingDate())
            .setVariable("appointedGuardian", callback.appointedGuardian());
      }
      try {
        return correlation.correlateWithResult();
      } catch (MismatchingMessageCorrelationException e) {
        throw new CourtConflictException("该申请当前不在等待法院答复（可能由法院用户在任务列表中办理）");
      }
    });
  }

}
