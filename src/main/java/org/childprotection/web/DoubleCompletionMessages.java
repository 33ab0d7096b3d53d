package org.childprotection.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.childprotection.config.PlatformIdentity;
import org.springframework.stereotype.Component;

/**
 * Tells a caseworker whose completion of a task failed that somebody else completed it first:
 * who and when, from the history. Only to a caller who may see the task; to anybody else the
 * task stays as unknown as before.
 */
@Component
public class DoubleCompletionMessages {

  /** How long a conflicting completion may still be committing when the loser asks. */
  static final long COMMIT_WAIT_MILLIS = 5_000;

  private static final String COMPLETED = "completed";

  private final IdentityService identity;
  private final HistoryService history;
  private final DateTimeFormatter minutes;

  public DoubleCompletionMessages(ProcessEngine engine, Clock clock) {
    this.identity = engine.getIdentityService();
    this.history = engine.getHistoryService();
    this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
  }

  /**
   * The message for a caller whose attempt to complete the task failed, when the task has ended
   * (or another completion of it was committing at the same moment), or empty when that is not
   * the reason or the caller may not see the task.
   *
   * @param concurrentModification whether the engine reported a concurrent change: another
   *     completion may still be committing, so its end is waited for a moment
   */
  public Optional<String> forFailedCompletion(String taskId, Authentication caller,
      boolean concurrentModification) {
    if (caller == null || !maySee(taskId, caller)) {
      return Optional.empty();
    }
    HistoricTaskInstance task = PlatformIdentity.asPlatform(identity,
        () -> ended(taskId, concurrentModification ? COMMIT_WAIT_MILLIS : 0));
    if (task == null || task.getEndTime() == null) {
      return concurrentModification
          ? Optional.of("该任务正被他人同时办理，请刷新任务列表后查看结果")
          : Optional.empty();
    }
    if (!COMPLETED.equals(task.getDeleteReason())) {
      return Optional.of("该任务已于 " + minutes.format(task.getEndTime().toInstant())
          + " 结束，无需再办理，请刷新任务列表");
    }
    return Optional.of(PlatformIdentity.asPlatform(identity, () -> completer(task))
        .map(who -> "该任务已由 " + who + " 于 ")
        .orElse("该任务已于 ")
        + minutes.format(task.getEndTime().toInstant()) + " 完成，请刷新任务列表");
  }

  /**
   * Whether the engine shows the caller this task's history (their authorizations and tenant
   * check), or the task was offered to them or one of their groups in one of their districts.
   */
  private boolean maySee(String taskId, Authentication caller) {
    return PlatformIdentity.as(identity, caller,
        () -> history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0)
        || PlatformIdentity.asPlatform(identity, () -> offeredTo(taskId, caller));
  }

  private boolean offeredTo(String taskId, Authentication caller) {
    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult();
    if (task == null) {
      return false;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    boolean inDistrict = task.getTenantId() == null || tenants.contains(task.getTenantId())
        || groups.contains(Groups.CAMUNDA_ADMIN);
    return inDistrict && history.createHistoricIdentityLinkLogQuery().taskId(taskId).list()
        .stream().anyMatch(link -> caller.getUserId().equals(link.getUserId())
            || (link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  /** The historic task, waiting up to the given time for it to end. */
  private HistoricTaskInstance ended(String taskId, long waitMillis) {
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId)
          .singleResult();
      if (task == null || task.getEndTime() != null || System.currentTimeMillis() >= deadline) {
        return task;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return task;
      }
    }
  }

  /** Who completed it: the user operation log knows, else whoever it was assigned to. */
  private Optional<String> completer(HistoricTaskInstance task) {
    return history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .filter(entry -> entry.getUserId() != null)
        .min((a, b) -> compare(a.getTimestamp(), b.getTimestamp()))
        .map(UserOperationLogEntry::getUserId)
        .or(() -> Optional.ofNullable(task.getAssignee()));
  }

  private static int compare(Date a, Date b) {
    return a == null || b == null ? 0 : a.compareTo(b);
  }
}
