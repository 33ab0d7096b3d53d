package org.childprotection.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.childprotection.registry.CaseBinding;
import org.springframework.context.ApplicationContext;

/**
 * Gives every user task of every model a built-in listener that checks, when the task is
 * completed, that the variables naming the case (and the district) still agree with the case the
 * instance belongs to ({@link CaseBinding#verify}). A submission with forged hidden fields is then
 * refused with a 400 before any listener of the model writes to the registry. Built-in listeners
 * run first and also when a modification skips the model's own listeners.
 */
class TaskCompletionCheck extends AbstractBpmnParseListener {

  private final ApplicationContext context;

  TaskCompletionCheck(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskListener check = task -> context.getBean(CaseBinding.class).verify(task);
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
  }
}
