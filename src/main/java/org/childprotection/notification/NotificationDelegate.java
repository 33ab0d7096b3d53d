package org.childprotection.notification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A notification step of a model: sends the template named by the input {@code template} to
 * the group named by {@code recipient}, on every channel. The step is asynchronous: a channel
 * that fails makes the job retry (after the cycle the model names) and, when retries run out,
 * an incident in Cockpit. Channels that already delivered skip the repeat.
 */
@Component("notificationDelegate")
public class NotificationDelegate implements JavaDelegate {

  private final List<NotificationChannel> channels;
  private final NotificationLog log;

  public NotificationDelegate(List<NotificationChannel> channels, NotificationLog log) {
    this.channels = channels;
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String recipient = (String) execution.getVariableLocal("recipient");
    NotificationTemplate template =
        NotificationTemplate.valueOf((String) execution.getVariableLocal("template"));
    String caseNumber = execution.getProcessBusinessKey();
    Notification notification = new Notification(idempotencyKey(execution), recipient,
        caseNumber, template.subject(caseNumber), template.body(caseNumber));
    for (NotificationChannel channel : channels) {
      if (!log.delivered(notification.idempotencyKey(), channel.name())) {
        channel.send(notification);
      }
    }
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
