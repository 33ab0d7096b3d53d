package org.childprotection.guardianship;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.court.CourtApplications;
import org.childprotection.court.CourtApplications.Application;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * 审查恢复申请: the former guardian may apply between three months and one year after the
 * revocation [law], except after sexual abuse, sale, abandonment or abuse that seriously harmed
 * the child, or a sentence of five years or more. An admissible application is filed for the
 * court as a restoration.
 */
@Component("restorationCheckDelegate")
public class RestorationCheckDelegate implements JavaDelegate {

  /** Grounds of the revocation after which guardianship is never restored. */
  static final Set<String> BARRING_GROUNDS = Set.of("SEXUAL_ABUSE", "SALE", "ABANDONMENT_OR_ABUSE");

  private final CourtApplications applications;
  private final GuardianshipPolicy policy;
  private final CaseBinding binding;
  private final Clock clock;

  public RestorationCheckDelegate(CourtApplications applications, GuardianshipPolicy policy,
      CaseBinding binding, Clock clock) {
    this.applications = applications;
    this.policy = policy;
    this.binding = binding;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    binding.caseOf(execution);
    Application revocation = applications
        .byNumber((String) execution.getVariable("applicationNumber")).orElseThrow();
    String barred = barredBecause(revocation,
        Boolean.TRUE.equals(execution.getVariable("sentencedFiveYearsOrMore")));
    execution.setVariable("restorationBarred", barred != null);
    execution.setVariable("restorationBarredReason", barred);
    if (barred == null) {
      execution.setVariable("restorationApplicationNumber", applications.file(
          revocation.caseId(), LocalDate.now(clock).getYear(), "RESTORATION",
          revocation.legalGrounds(), "FORMER_GUARDIAN", false));
    }
  }

  String barredBecause(Application revocation, boolean sentencedFiveYearsOrMore) {
    List<String> grounds = revocation.legalGrounds() == null
        ? List.of() : List.of(revocation.legalGrounds().split(","));
    if (grounds.stream().anyMatch(BARRING_GROUNDS::contains)) {
      return "撤销原因属于性侵害、出卖、遗弃或虐待严重损害，不得恢复监护人资格";
    }
    if (sentencedFiveYearsOrMore) {
      return "原监护人曾被判处五年以上有期徒刑，不得恢复监护人资格";
    }
    LocalDate ruled = revocation.rulingDate() != null ? revocation.rulingDate()
        : revocation.ruledAt().toLocalDate();
    LocalDate today = LocalDate.now(clock);
    if (today.isBefore(ruled.plus(policy.restorationEarliest()))) {
      return "撤销后未满" + policy.restorationEarliest().toTotalMonths() + "个月，不得申请";
    }
    if (today.isAfter(ruled.plus(policy.restorationLatest()))) {
      return "已超过恢复监护申请期限";
    }
    return null;
  }
}
