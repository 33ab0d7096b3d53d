package org.childprotection.court;

import static org.childprotection.process.ProcessVariables.ACCEPTED_DATE;
import static org.childprotection.process.ProcessVariables.APPLICATION_NUMBER;
import static org.childprotection.process.ProcessVariables.COURT_CASE_NUMBER;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.StepRefused;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * 法院受理申请 done by a court user in Tasklist: the acceptance date the court gives is checked
 * ({@link AcceptanceDates}) and goes into the registry with the court's case number, as a
 * callback from the court's system would. That the application is this case's own was checked
 * before (every user task's built-in check, {@code CaseBinding#verify}).
 */
@Component("courtAcceptanceListener")
public class CourtAcceptanceListener implements TaskListener {

  private final CourtApplications applications;
  private final AcceptanceDates dates;

  public CourtAcceptanceListener(CourtApplications applications, AcceptanceDates dates) {
    this.applications = applications;
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    StepVariables variables = StepVariables.of(task);
    String applicationNumber = variables.get(APPLICATION_NUMBER);
    CourtApplications.Application application =
        applications.byNumber(applicationNumber).orElseThrow();
    LocalDate acceptedDate = variables.get(ACCEPTED_DATE);
    if (acceptedDate == null) {
      throw new StepRefused(ACCEPTED_DATE.name(), "必须填写受理日期");
    }
    dates.refusal(application, acceptedDate).ifPresent(reason -> {
      throw new StepRefused(ACCEPTED_DATE.name(), reason);
    });
    applications.markAccepted(applicationNumber, variables.get(COURT_CASE_NUMBER), acceptedDate);
  }
}
