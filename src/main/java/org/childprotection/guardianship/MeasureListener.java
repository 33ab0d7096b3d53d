package org.childprotection.guardianship;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * A measure taken: recorded in the registry, and counted when it is an admonition the guardian
 * did not heed. After the configured number of them the guardian "refuses to change".
 */
@Component("measureListener")
public class MeasureListener implements TaskListener {

  /** 批评教育, 告诫书, 训诫 admonish; 家庭教育指导 is guidance, not an admonition. */
  static final Set<String> ADMONITIONS = Set.of("CRITICISM", "WARNING_LETTER", "REPRIMAND");

  private final Measures measures;
  private final CaseBinding binding;

  public MeasureListener(Measures measures, CaseBinding binding) {
    this.measures = measures;
    this.binding = binding;
  }

  @Override
  public void notify(DelegateTask task) {
    String type = (String) task.getVariable("measureType");
    boolean changed = Boolean.TRUE.equals(task.getVariable("guardianChanged"));
    measures.record(binding.caseOf(task).id(), type, changed,
        (String) task.getVariable("measureNote"), task.getAssignee());
    Object admonitions = task.getVariable("admonitions");
    int count = admonitions instanceof Number n ? n.intValue() : 0;
    if (!changed && ADMONITIONS.contains(type)) {
      count++;
    }
    task.getExecution().setVariable("admonitions", count);
  }
}
