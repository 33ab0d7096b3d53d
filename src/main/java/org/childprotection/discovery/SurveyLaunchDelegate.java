package org.childprotection.discovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.engine.StepRefused;
import org.childprotection.organisation.District;
import org.springframework.stereotype.Component;

/**
 * 发起摸底排查 (process {@code survey-launch}, start form {@code launch-survey}): the only way a
 * supervisor launches a district's survey. The form's district and deadline are checked, and the
 * platform starts {@value #SURVEY_PROCESS} with them alone, in that district's tenant; users may
 * not start it themselves, so no other variable or start instruction reaches it.
 */
@Component("surveyLaunchDelegate")
public class SurveyLaunchDelegate implements JavaDelegate {

  static final String SURVEY_PROCESS = "district-survey";

  private final ProcessEngine engine;
  private final Clock clock;

  public SurveyLaunchDelegate(ProcessEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    District district = District.ofCode(text(execution, "district"))
        .orElseThrow(() -> new StepRefused("district", "请选择排查的区"));
    LocalDate deadline = deadline(text(execution, "surveyDeadline"));
    Map<String, Object> variables = new HashMap<>();
    variables.put("district", district.code());
    variables.put("surveyDeadline", deadline.toString());
    variables.put("surveyNote", text(execution, "surveyNote"));
    ProcessInstance survey = PlatformIdentity.asPlatform(engine.getIdentityService(),
        () -> engine.getRuntimeService().startProcessInstanceByKey(SURVEY_PROCESS, variables));
    execution.setProcessBusinessKey(survey.getBusinessKey());
    execution.setVariable("surveyProcessInstanceId", survey.getId());
  }

  private LocalDate deadline(String value) {
    LocalDate day;
    try {
      day = LocalDate.parse(value == null ? "" : value.substring(0, Math.min(10, value.length())));
    } catch (DateTimeParseException e) {
      throw new StepRefused("surveyDeadline", "截止日期应为 yyyy-MM-dd 格式的日期");
    }
    if (day.isBefore(LocalDate.now(clock))) {
      throw new StepRefused("surveyDeadline", "截止日期不能早于今天");
    }
    return day;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
