package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.INVESTIGATORS;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.process.StepVariables;
import org.springframework.stereotype.Component;

/** 调查评估 needs a team of at least the configured size, one member a line on the form. */
@Component("investigationListener")
public class InvestigationListener implements TaskListener {

  private final GuardianshipPolicy policy;

  public InvestigationListener(GuardianshipPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void notify(DelegateTask task) {
    String investigators = StepVariables.of(task).get(INVESTIGATORS);
    long members = investigators == null ? 0 : Arrays.stream(investigators
        .split("[\\n,，、;；]")).filter(line -> !line.isBlank()).count();
    if (members < policy.minimumInvestigators()) {
      throw new BadUserRequestException("investigators：调查组不少于" + policy.minimumInvestigators()
          + "人，请每行填写一人");
    }
  }
}
