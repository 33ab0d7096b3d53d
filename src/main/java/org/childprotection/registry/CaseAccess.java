package org.childprotection.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.Cases.Case;
import org.springframework.stereotype.Component;

/**
 * Who may read a case, and in which view: the one place that decides it (the case-file API,
 * the task context, labels, search, notes and the access log all ask here).
 *
 * <ul>
 *   <li>{@link View#FULL}: whoever the engine lets read the case's process instance history as
 *       themselves (the case's district's staff through the tenant check, {@code civil-affairs},
 *       {@code protection-center}, administrators).
 *   <li>{@link View#POLICE} and {@link View#UNIT}: a member unit that has, or once had, a task
 *       of the case (the case's instance or an instance it called) offered to its group,
 *       assigned to one of its users, or offered or assigned to the caller. The police, the
 *       court and the procuratorate get {@code POLICE}, the other units {@code UNIT}. The
 *       engine's own checks would hide those tasks' history from them, so the platform looks.
 * </ul>
 * Anybody else may not read the case (the API answers 404, as for an unknown number).
 */
@Component
public class CaseAccess {

  /** How much of a case the caller sees. */
  public enum View { FULL, POLICE, UNIT }

  /** A case and the caller's view of it. */
  public record CaseView(Case found, View view) {}

  /** Units whose view is {@link View#POLICE}: the ID number masked, the rest shown. */
  static final Set<String> POLICE_VIEW_UNITS = Set.of(MemberUnit.POLICE.groupId(),
      MemberUnit.COURT.groupId(), MemberUnit.PROCURATORATE.groupId());

  private final HistoryService history;
  private final IdentityService identity;
  private final Cases cases;

  public CaseAccess(HistoryService history, IdentityService identity, Cases cases) {
    this.history = history;
    this.identity = identity;
    this.cases = cases;
  }

  /**
   * The case of that number and the caller's view of it, or empty when there is no such case or
   * the caller may not read it (the two look the same to the caller).
   */
  public Optional<CaseView> viewOf(String caseNumber) {
    return cases.byNumber(caseNumber)
        .flatMap(found -> viewOf(found).map(view -> new CaseView(found, view)));
  }

  /** The caller's view of the case, or empty when the caller may not read it. */
  public Optional<View> viewOf(Case found) {
    return Optional.ofNullable(viewsOf(List.of(found)).get(found.id()));
  }

  /** The caller's views of several cases at once; cases the caller may not read are left out. */
  public Map<Long, View> viewsOf(Collection<Case> cases) {
    Map<Long, View> views = new HashMap<>();
    Set<Long> full = fullyVisible(cases);
    full.forEach(id -> views.put(id, View.FULL));
    Authentication caller = identity.getCurrentAuthentication();
    View unitView = caller == null ? null : unitView(caller);
    List<Case> rest = cases.stream()
        .filter(c -> c.processInstanceId() != null && !full.contains(c.id())).toList();
    if (unitView == null || rest.isEmpty()) {
      return views;
    }
    List<String> units = unitGroups(caller);
    PlatformIdentity.asPlatform(identity, () -> {
      for (Case c : rest) {
        if (hadTask(c.processInstanceId(), caller.getUserId(), units)) {
          views.put(c.id(), unitView);
        }
      }
      return null;
    });
    return views;
  }

  /**
   * The ids of the cases the engine lets the caller read in full: its history query as the
   * caller (tenant check and READ_HISTORY), one query for all of them.
   */
  public Set<Long> fullyVisible(Collection<Case> cases) {
    Map<String, Long> byInstance = new HashMap<>();
    for (Case c : cases) {
      if (c.processInstanceId() != null) {
        byInstance.put(c.processInstanceId(), c.id());
      }
    }
    if (byInstance.isEmpty() || identity.getCurrentAuthentication() == null) {
      return Set.of();
    }
    return history.createHistoricProcessInstanceQuery()
        .processInstanceIds(new HashSet<>(byInstance.keySet())).list().stream()
        .map(h -> byInstance.get(h.getId())).filter(id -> id != null)
        .collect(Collectors.toSet());
  }

  /**
   * The view a member unit caller gets on a case of theirs, or null for a caller who is no
   * member unit (a district's staff of another district).
   */
  public View unitView() {
    Authentication caller = identity.getCurrentAuthentication();
    return caller == null ? null : unitView(caller);
  }

  /** The member units (not supervising) the caller belongs to. */
  public List<String> unitGroups() {
    Authentication caller = identity.getCurrentAuthentication();
    return caller == null ? List.of() : unitGroups(caller);
  }

  /** civil-affairs, protection-center and administrators: they may read access logs. */
  public boolean callerSupervises() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null) {
      return false;
    }
    return caller.getGroupIds().stream().anyMatch(g -> Groups.CAMUNDA_ADMIN.equals(g)
        || MemberUnit.ofGroupId(g).map(MemberUnit::supervising).orElse(false));
  }

  public String callerId() {
    Authentication caller = identity.getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  private static View unitView(Authentication caller) {
    List<String> units = unitGroups(caller);
    if (units.isEmpty()) {
      return null;
    }
    return units.stream().anyMatch(POLICE_VIEW_UNITS::contains) ? View.POLICE : View.UNIT;
  }

  private static List<String> unitGroups(Authentication caller) {
    if (caller.getGroupIds() == null) {
      return List.of();
    }
    return caller.getGroupIds().stream()
        .filter(g -> MemberUnit.ofGroupId(g).map(u -> !u.supervising()).orElse(false))
        .toList();
  }

  /**
   * Whether a task of the case's family (found by its root instance, indexed in the engine's
   * history) was offered to one of the units, or assigned to the caller or one of the units'
   * users. Runs as the platform.
   */
  private boolean hadTask(String rootInstanceId, String userId, List<String> units) {
    for (String unit : units) {
      if (history.createHistoricTaskInstanceQuery().rootProcessInstanceId(rootInstanceId)
          .taskHadCandidateGroup(unit).count() > 0) {
        return true;
      }
    }
    if (history.createHistoricTaskInstanceQuery().rootProcessInstanceId(rootInstanceId)
        .taskInvolvedUser(userId).count() > 0) {
      return true;
    }
    Set<String> assignees = history.createHistoricTaskInstanceQuery()
        .rootProcessInstanceId(rootInstanceId).list().stream()
        .map(HistoricTaskInstance::getAssignee).filter(a -> a != null)
        .collect(Collectors.toSet());
    if (assignees.isEmpty()) {
      return false;
    }
    List<String> checked = new ArrayList<>(assignees);
    for (String unit : units) {
      if (identity.createUserQuery().memberOfGroup(unit)
          .userIdIn(checked.toArray(String[]::new)).count() > 0) {
        return true;
      }
    }
    return false;
  }
}
