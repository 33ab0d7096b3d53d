package org.childprotection.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history at level full, less two kinds of row that cost every case more than
 * they tell anyone:
 *
 * <ul>
 *   <li>ACT_HI_DETAIL's copy of a variable's value at every change. The last value of every
 *       variable stays in ACT_HI_VARINST, and who did what in the user operation log. Those
 *       copies cost an insert per variable per change, and they kept personal data, such as a
 *       start form's answers, after the process had removed them. Turned back on with
 *       {@code minor-protection.history.variable-changes: true}.
 *   <li>The job log's entry for a job's creation. Every new case creates jobs (the center's
 *       notification, the triage deadline, the coming of age), and every timer that fires
 *       creates the next. The job itself says when it was created and when it is due while it
 *       waits; the log keeps every attempt, failed or successful, with the job's due date, and
 *       the incident of a job that ran out of retries. Turned back on with
 *       {@code minor-protection.history.job-creations: true}.
 * </ul>
 */
final class LeanHistoryEventHandler extends DbHistoryEventHandler {

  private final boolean variableChanges;
  private final boolean jobCreations;

  LeanHistoryEventHandler(boolean variableChanges, boolean jobCreations) {
    this.variableChanges = variableChanges;
    this.jobCreations = jobCreations;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!jobCreations && event instanceof HistoricJobLogEvent job && job.isCreationLog()) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return variableChanges && super.shouldWriteHistoricDetail(event);
  }
}
