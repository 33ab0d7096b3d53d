package org.childprotection.discovery;

import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.SURVEY_DEADLINE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.childprotection.organisation.District;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/** The survey's deadline, as the launcher set it on the form: the end of that day. */
@Component("surveyDeadlines")
public class SurveyDeadlines {

  private final Clock clock;

  public SurveyDeadlines(Clock clock) {
    this.clock = clock;
  }

  /** Names the survey for Tasklist and Cockpit: 摸底排查-鼓楼区-2026-12-31. */
  public String name(DelegateExecution execution) {
    StepVariables variables = StepVariables.of(execution);
    String district = District.ofCode(variables.get(DISTRICT))
        .map(District::chineseName).orElse("");
    String name = "摸底排查-" + district + "-" + variables.get(SURVEY_DEADLINE);
    execution.setProcessBusinessKey(name);
    return name;
  }

  public Date due(Object deadline) {
    LocalDate day = SURVEY_DEADLINE.read(deadline);
    return Date.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }
}
