package org.childprotection.notification;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
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

  private final ManagementService management;
  private final Map<StepProperty, Optional<String>> properties = new ConcurrentHashMap<>();

  /**
   * A property of a step of one deployed model version: as many as the deployed versions have
   * notification steps, times two.
   */
  private record StepProperty(String processDefinitionId, String activityId, String name) {}

  public NotificationStep(ManagementService management) {
    this.management = management;
  }

  public String recipient(DelegateExecution execution) {
    return setting(execution, RECIPIENT);
  }

  public NotificationTemplate template(DelegateExecution execution) {
    return NotificationTemplate.valueOf(setting(execution, TEMPLATE));
  }

  /**
   * The same on every retry of this send: the id of the job that runs the step. A failed job is
   * retried as the same job, while each attempt may run the step in a new execution (a scope's
   * is created anew under the job's); so the job is the step's at this activity whose execution
   * is this one or its parent. That is nearly always the job being run, which the command knows
   * without asking the database; otherwise (a step reached without its own job) the jobs of the
   * activity are asked, and a step run without a job falls back to its execution and activity.
   */
  public String idempotencyKey(DelegateExecution execution) {
    Set<String> executions = Stream.of(execution.getId(), execution.getParentId())
        .filter(Objects::nonNull).collect(Collectors.toSet());
    String activity = execution.getCurrentActivityId();
    JobEntity running = Context.getCommandContext() == null
        ? null : Context.getCommandContext().getCurrentJob();
    if (running != null && activity.equals(running.getActivityId())
        && executions.contains(running.getExecutionId())) {
      return "job:" + running.getId();
    }
    return management.createJobQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(activity)
        .list().stream()
        .filter(job -> executions.contains(job.getExecutionId()))
        .map(job -> "job:" + job.getId())
        .findFirst()
        .orElse("execution:" + execution.getId() + ":" + activity);
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
