package org.childprotection.engine;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
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
 *   <li>Any row of the variables that copy what the registry keeps for good: a case's id, number
 *       and district, its child's id and the day the child comes of age. Every case starts with
 *       them, for its models, forms and delegates to read while it runs; once it has ended,
 *       ACT_HI_PROCINST still has the case number (the business key) and the district (the
 *       tenant), and the registry the rest. Five history rows fewer for every case, each with
 *       thirteen indexes to write. {@code minor-protection.history.variables-not-kept} lists
 *       them; empty keeps all.
 *   <li>The rows of gateways the path merely passed: the next step's row says where it went.
 *       Every new case passes two. An event-based gateway, which waits, keeps its row.
 *       {@code minor-protection.history.gateways: true} keeps them all.
 * </ul>
 */
final class LeanHistoryEventHandler extends DbHistoryEventHandler {

  private final boolean variableChanges;
  private final boolean jobCreations;
  private final Set<String> variablesNotKept;
  private final boolean gateways;

  LeanHistoryEventHandler(boolean variableChanges, boolean jobCreations,
      Collection<String> variablesNotKept, boolean gateways) {
    this.variableChanges = variableChanges;
    this.jobCreations = jobCreations;
    this.variablesNotKept = Set.copyOf(variablesNotKept);
    this.gateways = gateways;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!jobCreations && event instanceof HistoricJobLogEvent job && job.isCreationLog()) {
      return;
    }
    // Its creation, its changes and its deletion alike: an update of a variable whose row is
    // missing would write one (the engine's own mending of rows that older versions left out).
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && variablesNotKept.contains(variable.getVariableName())) {
      return;
    }
    if (!gateways && event instanceof HistoricActivityInstanceEventEntity activity
        && passedThrough(activity.getActivityType())) {
      return;
    }
    super.handleEvent(event);
  }

  /** A gateway that does not wait for an event (a joining one waits only for its paths). */
  static boolean passedThrough(String activityType) {
    return activityType != null && activityType.endsWith("Gateway")
        && !ActivityTypes.GATEWAY_EVENT_BASED.equals(activityType);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return variableChanges && super.shouldWriteHistoricDetail(event);
  }
}
