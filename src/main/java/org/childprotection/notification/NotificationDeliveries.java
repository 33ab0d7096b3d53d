package org.childprotection.notification;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's jobs that deliver one notification on one channel that reaches outside (mail,
 * webhook), for a notification step that runs inside another command, such as the report's
 * transaction: the step writes the in-app outbox at once and leaves each such channel to a job
 * of its own, which the job executor runs, retries on the notification retry cycle and, when
 * the retries run out, turns into an incident at the step of the case's process instance
 * (installed by {@code PlatformEnginePlugin}; docs/engine-patches.md).
 *
 * <p>The job names the process instance and the step but belongs to no execution: the engine
 * deletes an execution's jobs with it, and a delivery must outlive a case that closes before
 * the mail server is back.
 */
public class NotificationDeliveries implements JobHandler<NotificationDeliveries.Delivery> {

  public static final String TYPE = "mp-notification-delivery";

  /**
   * The channel, the step (a job keeps its activity only through a job definition, which these
   * jobs do not have) and the notification's idempotency key (its outbox row).
   */
  public record Delivery(String channel, String activityId, String idempotencyKey)
      implements JobHandlerConfiguration {

    @Override
    public String toCanonicalString() {
      return channel + " " + activityId + " " + idempotencyKey;
    }

    public static Delivery of(String canonicalString) {
      String[] parts = canonicalString.split(" ", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a notification delivery: " + canonicalString);
      }
      return new Delivery(parts[0], parts[1], parts[2]);
    }
  }

  /** The step a delivery job was written for; null for any other job. */
  public static String activityOf(JobEntity job) {
    return TYPE.equals(job.getJobHandlerType())
        ? Delivery.of(job.getJobHandlerConfigurationRaw()).activityId() : null;
  }

  private final Supplier<NotificationSender> sender;

  public NotificationDeliveries(Supplier<NotificationSender> sender) {
    this.sender = sender;
  }

  /** Writes a job that delivers the notification on the channel, in the step's transaction. */
  static void schedule(DelegateExecution step, Delivery delivery) {
    ExecutionEntity execution = (ExecutionEntity) step;
    ProcessDefinitionEntity definition = execution.getProcessDefinition();
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(TYPE);
    job.setJobHandlerConfiguration(delivery);
    job.setProcessInstanceId(execution.getProcessInstanceId());
    job.setProcessDefinitionId(definition.getId());
    job.setProcessDefinitionKey(definition.getKey());
    job.setDeploymentId(definition.getDeploymentId());
    job.setTenantId(execution.getTenantId());
    job.setDuedate(ClockUtil.getCurrentTime());
    Context.getCommandContext().getJobManager().send(job);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Delivery delivery, ExecutionEntity execution,
      CommandContext commandContext, String tenantId) {
    sender.get().deliver(delivery.channel(), delivery.idempotencyKey());
  }

  @Override
  public Delivery newConfiguration(String canonicalString) {
    return Delivery.of(canonicalString);
  }

  @Override
  public void onDelete(Delivery delivery, JobEntity job) {
    // Nothing of the delivery's is kept outside its job.
  }
}
