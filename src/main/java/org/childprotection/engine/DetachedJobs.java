package org.childprotection.engine;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Jobs of the platform's own handlers (a notification's delivery on one channel) that name a
 * process instance and a step but belong to no execution, so that they outlive an instance that
 * ends before they succeed. The engine treats such a job as it treats none of its own: it
 * would retry it three times at once and put its incident on no instance. Here, in the engine's
 * place (docs/engine-patches.md):
 *
 * <ul>
 *   <li>{@link Retries}: a failed job of such a type retries on the cycle the platform names for
 *       the type ({@code PT1M,PT5M,…}, as a model's {@code failedJobRetryTimeCycle} reads), and
 *       every other job exactly as before;
 *   <li>{@link Incidents}: the incident of such a job, once its retries run out, is shown on its
 *       process instance (while it runs) and on its step, where Cockpit and the supervision
 *       figures look for it.
 * </ul>
 */
public final class DetachedJobs {

  private DetachedJobs() {}

  /** The engine's retry command, with the platform's cycle for the platform's job types. */
  public static final class Retries implements FailedJobCommandFactory {

    private final Map<String, Supplier<String>> cycles;
    private final Function<JobEntity, String> stepOf;

    /**
     * The retry cycle of each job handler type, read at each failure, and the step of a job of
     * those types.
     */
    public Retries(Map<String, Supplier<String>> cycles, Function<JobEntity, String> stepOf) {
      this.cycles = Map.copyOf(cycles);
      this.stepOf = stepOf;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return new DefaultJobRetryCmd(jobId, exception) {

        @Override
        public ActivityImpl getCurrentActivity(CommandContext context, JobEntity job) {
          if (job == null || !cycles.containsKey(job.getJobHandlerType())) {
            return super.getCurrentActivity(context, job);
          }
          ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
              .getDeploymentCache().findDeployedProcessDefinitionById(job.getProcessDefinitionId());
          String step = stepOf.apply(job);
          return definition == null || step == null ? null : definition.findActivity(step);
        }

        @Override
        public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job,
            ActivityImpl activity) {
          Supplier<String> cycle = cycles.get(job.getJobHandlerType());
          return cycle == null ? super.getFailedJobRetryConfiguration(job, activity)
              : ParseUtil.parseRetryIntervals(cycle.get());
        }
      };
    }
  }

  /** The engine's incidents of failed jobs, those of the given types on their instance. */
  public static final class Incidents implements IncidentHandler {

    private final DefaultIncidentHandler engine =
        new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
    private final Function<JobEntity, String> stepOf;

    /** The step of a job of the platform's types; null for any other job. */
    public Incidents(Function<JobEntity, String> stepOf) {
      this.stepOf = stepOf;
    }

    @Override
    public String getIncidentHandlerType() {
      return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      if (context.getExecutionId() == null && context.getConfiguration() != null) {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command.getJobManager().findJobById(context.getConfiguration());
        String step = job == null ? null : stepOf.apply(job);
        if (step != null) {
          context.setActivityId(step);
          context.setFailedActivityId(step);
          ExecutionEntity instance = job.getProcessInstanceId() == null ? null
              : command.getExecutionManager().findExecutionById(job.getProcessInstanceId());
          if (instance != null) {
            context.setExecutionId(instance.getId());
          }
        }
      }
      return engine.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      engine.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      engine.deleteIncident(context);
    }
  }
}
