package org.childprotection.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.childprotection.registry.CaseBinding;
import org.springframework.context.ApplicationContext;

/**
 * Gives every user task of every model a built-in listener that checks, when the task is
 * completed, the answers against the task's form ({@link FormSubmissionCheck}) and that the
 * variables naming the case (and the district) still agree with the case the instance belongs to
 * ({@link CaseBinding#verify}); and every process's start event with a form a listener that
 * checks the start form's answers. A submission that does not pass is refused with a 400 before
 * any listener or delegate of the model sees it. Built-in listeners run first and also when a
 * modification skips the model's own listeners.
 */
class TaskCompletionCheck extends AbstractBpmnParseListener {

  private final ApplicationContext context;

  TaskCompletionCheck(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskListener check = task -> {
      context.getBean(FormSubmissionCheck.class).verify(task);
      context.getBean(CaseBinding.class).verify(task);
    };
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
  }

  @Override
  public void parseStartEvent(Element startEventElement, ScopeImpl scope,
      ActivityImpl startEventActivity) {
    if (scope instanceof ProcessDefinitionEntity && startEventElement.attributeNS(
        BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
      ExecutionListener check =
          execution -> context.getBean(FormSubmissionCheck.class).verify(execution);
      startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, check);
    }
  }
}
