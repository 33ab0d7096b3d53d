package org.childprotection.benchmark;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * The start-up baseline: a plain Camunda engine on the same kind of database, with its schema,
 * full history and the job executor, and nothing of ours. Prints READY when it has started.
 * Arguments: JDBC URL, user, password.
 */
public final class BareEngine {

  private BareEngine() {}

  public static void main(String[] args) throws InterruptedException {
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(args[0])
        .setJdbcUsername(args[1])
        .setJdbcPassword(args.length > 2 ? args[2] : "")
        .setJdbcDriver(args[0].startsWith("jdbc:postgresql") ? "org.postgresql.Driver"
            : "org.h2.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(true)
        .buildProcessEngine();
    System.out.println("READY " + engine.getName());
    Thread.sleep(Long.MAX_VALUE);
  }
}
