package org.childprotection.engine;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import org.childprotection.process.EngineTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Makes jobs written without a due date due now, when the node is ready and then every {@code
 * minor-protection.jobs.date-undated-every}. The platform's engine gives every job a due date
 * and acquires the most overdue first along MP_IDX_JOB_DUEDATE (V5), stopping after a page
 * ({@code ensure-job-due-date-not-null}, {@code job-executor-acquire-by-due-date}); before, each
 * acquisition asked for "no due date, or due by now", and PostgreSQL collected every such job,
 * including the rows of jobs just run and deleted, before it took ten (0.47 ms for each
 * acquisition of the intake's notifications, 0.07 ms in order). The engine then acquires only
 * jobs that have a due date: the jobs of a database from before, and those that a node of an
 * older version writes while it still runs beside new ones during a rolling upgrade, would
 * otherwise never run.
 */
@Component
public class UndatedJobs {

  private static final Logger LOG = LoggerFactory.getLogger(UndatedJobs.class);

  private final JdbcClient jdbc;
  private final EngineTime time;
  private final Duration every;
  private ThreadPoolTaskScheduler scheduler;

  public UndatedJobs(JdbcClient jdbc, EngineTime time,
      @Value("${minor-protection.jobs.date-undated-every:PT1M}") Duration every) {
    this.jdbc = jdbc;
    this.time = time;
    this.every = every;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void watch() {
    dateThem();
    if (every.isZero() || every.isNegative()) {
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("undated-jobs-");
    scheduler.setDaemon(true);
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        dateThem();
      } catch (RuntimeException e) {
        // the database may be away for a moment; the next round tries again
        LOG.warn("Dating undated jobs failed: {}", e.getClass().getName());
      }
    }, every);
  }

  /** Gives every job without a due date the engine's present moment; how many it dated. */
  public int dateThem() {
    int dated = jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL")
        .param(Timestamp.from(time.now())).update();
    if (dated > 0) {
      LOG.info("{} jobs without a due date (written by an older node) are due now", dated);
    }
    return dated;
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }
}
