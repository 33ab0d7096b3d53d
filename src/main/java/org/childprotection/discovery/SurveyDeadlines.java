package org.childprotection.discovery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.childprotection.organisation.District;
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
    String district = District.ofCode((String) execution.getVariable("district"))
        .map(District::chineseName).orElse("");
    String name = "摸底排查-" + district + "-" + execution.getVariable("surveyDeadline");
    execution.setProcessBusinessKey(name);
    return name;
  }

  public Date due(Object deadline) {
    LocalDate day = LocalDate.parse(deadline.toString().substring(0, 10));
    return Date.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }
}
