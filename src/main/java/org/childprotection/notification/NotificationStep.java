package org.childprotection.notification;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What a notification step of a model asks for: the template named by the step's property
 * {@code template}, for the group named by its property {@code recipient} (a group id, or an
 * expression such as {@code district-${district}}); and the key that is the same on every retry
 * of the step's send.
 *
 * <p>The two are extension properties of the model rather than input mappings: a mapping
 * writes each value as a local variable, with its history, and deletes it again, on every
 * notification. Instances started on a model version that still maps them keep working.
 */
@Component
public class NotificationStep {

  static final String RECIPIENT = "recipient";
  static final String TEMPLATE = "template";

  private final Map<StepProperty, Optional<String>> properties = new ConcurrentHashMap<>();

  /**
   * A property of a step of one deployed model version: as many as the deployed versions have
   * notification steps, times two.
   */
  private record StepProperty(String processDefinitionId, String activityId, String name) {}

  public String recipient(DelegateExecution execution) {
    return setting(execution, RECIPIENT);
  }

  public NotificationTemplate template(DelegateExecution execution) {
    return NotificationTemplate.valueOf(setting(execution, TEMPLATE));
  }

  /**
   * How this step sends: its idempotency key, the same on every retry, and whether it runs as
   * its own job (and so sends on every channel in it).
   */
  public record Send(String idempotencyKey, boolean ownJob) {}

  /**
   * A step that runs as its own job (asynchronous in its model) is keyed by that job, which is
   * retried as the same job while each attempt may run the step in a new execution; any other
   * step by its activity instance, whose send is written in the same transaction as the step and
   * is never retried on its own.
   */
  public Send send(DelegateExecution execution) {
    Optional<JobEntity> own = ownJob(execution);
    return new Send(own.map(job -> "job:" + job.getId())
        .orElseGet(() -> "activity:" + execution.getActivityInstanceId()), own.isPresent());
  }

  /**
   * The job being run, when it is this step's own: the job of the step's activity whose
   * execution is this one or its parent (a scope's execution is created anew under the job's).
   * Empty for a step that the command reaches on its way (a synchronous step, or one after
   * another step's job).
   */
  private static Optional<JobEntity> ownJob(DelegateExecution execution) {
    JobEntity running = Context.getCommandContext() == null
        ? null : Context.getCommandContext().getCurrentJob();
    if (running == null || !execution.getCurrentActivityId().equals(running.getActivityId())) {
      return Optional.empty();
    }
    String job = running.getExecutionId();
    return job != null && (job.equals(execution.getId()) || job.equals(execution.getParentId()))
        ? Optional.of(running) : Optional.empty();
  }

  /**
   * The step's property of that name, evaluated as an expression when it is one; on a model
   * version from before the properties, the input mapping's local variable.
   */
  private String setting(DelegateExecution execution, String name) {
    // A deployed model never changes: its steps' properties are read from it once.
    Optional<String> property = properties.computeIfAbsent(
        new StepProperty(execution.getProcessDefinitionId(), execution.getCurrentActivityId(),
            name), key -> property(execution.getBpmnModelElementInstance(), name));
    if (property.isPresent()) {
      return evaluate(property.get(), execution);
    }
    Object mapped = execution.getVariableLocal(name);
    if (mapped == null) {
      throw new IllegalStateException("the notification step " + execution.getCurrentActivityId()
          + " names no " + name);
    }
    return mapped.toString();
  }

  /** The value of the step's {@code camunda:property} of that name. */
  static Optional<String> property(FlowElement step, String name) {
    ExtensionElements extensions = step == null ? null : step.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }

  /**
   * Evaluates with the engine's own expression manager, so that the models' expressions resolve
   * here as everywhere else; the engine's public API offers no way to evaluate one.
   */
  private static String evaluate(String value, DelegateExecution execution) {
    if (value == null || !value.contains("${")) {
      return value;
    }
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl)
        execution.getProcessEngine().getProcessEngineConfiguration();
    return String.valueOf(engine.getExpressionManager().createExpression(value)
        .getValue(execution));
  }
}
