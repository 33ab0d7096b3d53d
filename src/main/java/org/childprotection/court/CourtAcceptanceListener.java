package org.childprotection.court;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.engine.StepRefused;
import org.childprotection.engine.VariableValues;
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
    String applicationNumber = (String) task.getVariable("applicationNumber");
    CourtApplications.Application application =
        applications.byNumber(applicationNumber).orElseThrow();
    LocalDate acceptedDate = acceptedDate(task.getVariable("acceptedDate"));
    dates.refusal(application, acceptedDate).ifPresent(reason -> {
      throw new StepRefused("acceptedDate", reason);
    });
    applications.markAccepted(applicationNumber, (String) task.getVariable("courtCaseNumber"),
        acceptedDate);
  }

  private static LocalDate acceptedDate(Object value) {
    LocalDate day;
    try {
      day = VariableValues.day(value);
    } catch (DateTimeParseException e) {
      throw new StepRefused("acceptedDate", "受理日期格式应为 yyyy-MM-dd");
    }
    if (day == null) {
      throw new StepRefused("acceptedDate", "必须填写受理日期");
    }
    return day;
  }
}
