package org.childprotection.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history at level full, less one table: ACT_HI_DETAIL's copy of a variable's value
 * at every change. The last value of every variable stays in ACT_HI_VARINST, and who did what in
 * the user operation log. Those copies cost an insert per variable per change (a new case sets
 * eleven), and they kept personal data, such as a start form's answers, after the process had
 * removed them. Turned back on with {@code minor-protection.history.variable-changes: true}.
 */
final class HistoryWithoutVariableChanges extends DbHistoryEventHandler {

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
