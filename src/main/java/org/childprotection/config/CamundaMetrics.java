package org.childprotection.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * Camunda's own figures for Prometheus: the engine's metrics (activity instances, jobs, decision
 * elements) as counters, and the state a supervisor watches as gauges.
 */
@Component
public class CamundaMetrics implements MeterBinder {

  private static final List<String> ENGINE_COUNTERS = List.of(
      Metrics.ACTIVTY_INSTANCE_START,
      Metrics.ACTIVTY_INSTANCE_END,
      Metrics.JOB_ACQUISITION_ATTEMPT,
      Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_SUCCESSFUL,
      Metrics.JOB_FAILED,
      Metrics.JOB_LOCKED_EXCLUSIVE,
      Metrics.JOB_EXECUTION_REJECTED,
      Metrics.EXECUTED_DECISION_ELEMENTS,
      Metrics.EXECUTED_DECISION_INSTANCES,
      Metrics.ROOT_PROCESS_INSTANCE_START);

  private final ProcessEngine engine;

  public CamundaMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    ManagementService management = engine.getManagementService();
    for (String name : ENGINE_COUNTERS) {
      FunctionCounter.builder("camunda." + name.replace('-', '.'), management,
              m -> m.createMetricsQuery().name(name).sum())
          .description("Camunda engine metric " + name)
          .register(registry);
    }
    Gauge.builder("camunda.process.instances.running", engine,
            e -> e.getRuntimeService().createProcessInstanceQuery().active().count())
        .description("Running process instances").register(registry);
    Gauge.builder("camunda.tasks.open", engine,
            e -> e.getTaskService().createTaskQuery().active().count())
        .description("Open user tasks").register(registry);
    Gauge.builder("camunda.incidents.open", engine,
            e -> e.getRuntimeService().createIncidentQuery().count())
        .description("Open incidents").register(registry);
    Gauge.builder("camunda.jobs.failed", management,
            m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs without retries left").register(registry);
    Gauge.builder("camunda.jobs.executable", management,
            m -> m.createJobQuery().executable().count())
        .description("Jobs due for execution").register(registry);
  }
}
