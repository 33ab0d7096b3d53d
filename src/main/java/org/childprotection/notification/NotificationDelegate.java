package org.childprotection.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.childprotection.registry.CaseBinding;
import org.springframework.stereotype.Component;

/**
 * A notification step of a model: sends the template named by the step's property
 * {@code template} to the group named by its property {@code recipient} (a group id, or an
 * expression such as {@code district-${district}}), on every channel. The step is asynchronous:
 * a channel that fails makes the job retry (after the cycle the model names) and, when retries
 * run out, an incident in Cockpit. Channels that already delivered skip the repeat.
 *
 * <p>The two are extension properties of the model rather than input mappings: a mapping
 * writes each value as a local variable, with its history, and deletes it again, on every
 * notification. Instances started on a model version that still maps them keep working.
 */
@Component("notificationDelegate")
public class NotificationDelegate implements JavaDelegate {

  static final String RECIPIENT = "recipient";
  static final String TEMPLATE = "template";

  private final List<NotificationChannel> channels;
  private final NotificationLog log;
  private final CaseBinding binding;

  public NotificationDelegate(List<NotificationChannel> channels, NotificationLog log,
      CaseBinding binding) {
    this.channels = channels;
    this.log = log;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    binding.verify(execution);
    String recipient = setting(execution, RECIPIENT);
    NotificationTemplate template = NotificationTemplate.valueOf(setting(execution, TEMPLATE));
    String caseNumber = execution.getProcessBusinessKey();
    Notification notification = new Notification(idempotencyKey(execution), recipient,
        caseNumber, template.subject(caseNumber), template.body(caseNumber));
    for (NotificationChannel channel : channels) {
      if (channel.deliversWithTheStep()
          || !log.delivered(notification.idempotencyKey(), channel.name())) {
        channel.send(notification);
      }
    }
  }

  /**
   * The step's property of that name, evaluated as an expression when it is one; on a model
   * version from before the properties, the input mapping's local variable.
   */
  private static String setting(DelegateExecution execution, String name) {
    FlowElement step = execution.getBpmnModelElementInstance();
    if (step != null) {
      ExtensionElements extensions = step.getExtensionElements();
      if (extensions != null) {
        for (CamundaProperties properties : extensions.getChildElementsByType(
            CamundaProperties.class)) {
          for (CamundaProperty property : properties.getCamundaProperties()) {
            if (name.equals(property.getCamundaName())) {
              return evaluate(property.getCamundaValue(), execution);
            }
          }
        }
      }
    }
    Object mapped = execution.getVariableLocal(name);
    if (mapped == null) {
      throw new IllegalStateException("the notification step " + execution.getCurrentActivityId()
          + " names no " + name);
    }
    return mapped.toString();
  }

  private static String evaluate(String value, DelegateExecution execution) {
    if (value == null || !value.contains("${")) {
      return value;
    }
    return String.valueOf(Context.getProcessEngineConfiguration().getExpressionManager()
        .createExpression(value).getValue(execution));
  }

  /**
   * The same on every retry of this send: the job's id (a failed job is retried as the same
   * job, while each attempt may run in a new execution). A step run without a job falls back
   * to its execution and activity.
   */
  static String idempotencyKey(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    if (job != null) {
      return "job:" + job.getId();
    }
    return "execution:" + execution.getId() + ":" + execution.getCurrentActivityId();
  }
}
