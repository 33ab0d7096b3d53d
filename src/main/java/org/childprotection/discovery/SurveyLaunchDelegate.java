package org.childprotection.discovery;

import static org.childprotection.process.ProcessVariables.DISTRICT;
import static org.childprotection.process.ProcessVariables.SURVEY_DEADLINE;
import static org.childprotection.process.ProcessVariables.SURVEY_NOTE;
import static org.childprotection.process.ProcessVariables.SURVEY_PROCESS_INSTANCE_ID;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.engine.StepRefused;
import org.childprotection.organisation.District;
import org.childprotection.process.StepVariables;
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
    StepVariables form = StepVariables.of(execution);
    District district = District.ofCode(form.answer(DISTRICT))
        .orElseThrow(() -> new StepRefused(DISTRICT.name(), "请选择排查的区"));
    LocalDate deadline = form.get(SURVEY_DEADLINE);
    if (deadline == null) {
      throw new StepRefused(SURVEY_DEADLINE.name(), "请填写截止日期");
    }
    if (deadline.isBefore(LocalDate.now(clock))) {
      throw new StepRefused(SURVEY_DEADLINE.name(), "截止日期不能早于今天");
    }
    Map<String, Object> variables = new HashMap<>();
    DISTRICT.putInto(variables, district.code());
    SURVEY_DEADLINE.putInto(variables, deadline);
    SURVEY_NOTE.putInto(variables, form.answer(SURVEY_NOTE));
    ProcessInstance survey = PlatformIdentity.asPlatform(engine.getIdentityService(),
        () -> engine.getRuntimeService().startProcessInstanceByKey(SURVEY_PROCESS, variables));
    execution.setProcessBusinessKey(survey.getBusinessKey());
    form.set(SURVEY_PROCESS_INSTANCE_ID, survey.getId());
  }
}
