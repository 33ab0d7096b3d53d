package org.childprotection.support;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.childprotection.notification.NotificationDeliveries;

/** The jobs that deliver a process instance's notifications on the channels outside. */
public final class DeliveryJobs {

  private DeliveryJobs() {}

  /** The instance's delivery jobs for that step. */
  public static List<Job> of(ProcessEngine engine, String processInstanceId, String step) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .list().stream()
        .filter(job -> step.equals(NotificationDeliveries.activityOf((JobEntity) job)))
        .toList();
  }

  /** The one delivery job of that step. */
  public static Job single(ProcessEngine engine, String processInstanceId, String step) {
    List<Job> jobs = of(engine, processInstanceId, step);
    if (jobs.size() != 1) {
      throw new AssertionError("expected one delivery job of " + step + ", found " + jobs);
    }
    return jobs.get(0);
  }
}
