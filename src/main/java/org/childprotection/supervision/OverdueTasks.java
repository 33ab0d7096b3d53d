package org.childprotection.supervision;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.config.PlatformIdentity;
import org.childprotection.organisation.District;
import org.childprotection.registry.CaseFacts;
import org.childprotection.registry.Cases.Case;
import org.childprotection.registry.InstanceCases;
import org.childprotection.registry.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * The open tasks of some districts that are past their due date, most late first. The engine
 * finds them as the caller, so its tenant and authorization checks decide which tasks a caller
 * is told about, as they do in Tasklist and Cockpit.
 */
@Component
public class OverdueTasks {

  private final TaskService tasks;
  private final IdentityService identity;
  private final InstanceCases instanceCases;
  private final CaseFacts facts;

  public OverdueTasks(TaskService tasks, IdentityService identity, InstanceCases instanceCases,
      CaseFacts facts) {
    this.tasks = tasks;
    this.identity = identity;
    this.instanceCases = instanceCases;
    this.facts = facts;
  }

  public List<Kpis.OverdueTask> of(List<District> districts, OffsetDateTime now) {
    List<Task> late = tasks.createTaskQuery()
        .tenantIdIn(districts.stream().map(District::tenantId).toArray(String[]::new))
        .dueBefore(Date.from(now.toInstant())).orderByDueDate().asc().orderByTaskId().asc()
        .list();
    if (late.isEmpty()) {
      return List.of();
    }
    Map<String, Case> caseOf = instanceCases.of(
        late.stream().map(Task::getProcessInstanceId).distinct().toList());
    Map<String, String> userNames = facts.userNames(
        late.stream().map(Task::getAssignee).filter(a -> a != null).distinct().toList());
    Map<String, String> groupNames = new HashMap<>();
    List<Kpis.OverdueTask> result = new ArrayList<>();
    for (Task task : late) {
      Case found = caseOf.get(task.getProcessInstanceId());
      OffsetDateTime due = task.getDueDate().toInstant().atOffset(now.getOffset());
      Duration lateBy = Duration.between(due, now);
      result.add(new Kpis.OverdueTask(task.getId(), task.getName(), task.getTenantId(),
          Vocabulary.district(task.getTenantId()),
          found == null ? null : found.caseNumber(),
          task.getAssignee() != null ? userNames.getOrDefault(task.getAssignee(),
              task.getAssignee()) : offeredTo(task, groupNames),
          due, lateBy.toMinutes(), lateness(lateBy)));
    }
    return result;
  }

  /** Whom an unassigned task is offered to (groups, then users), by name, 待认领. */
  private String offeredTo(Task task, Map<String, String> groupNames) {
    List<IdentityLink> candidates = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
    List<String> groups = candidates.stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
    List<String> users = candidates.stream().map(IdentityLink::getUserId)
        .filter(u -> u != null).toList();
    if (groups.isEmpty() && users.isEmpty()) {
      return "未分派";
    }
    List<String> unknown = groups.stream().filter(g -> !groupNames.containsKey(g)).toList();
    if (!unknown.isEmpty()) {
      PlatformIdentity.asPlatform(identity, () -> {
        for (Group group : identity.createGroupQuery()
            .groupIdIn(unknown.toArray(String[]::new)).list()) {
          groupNames.put(group.getId(), group.getName() == null ? group.getId()
              : group.getName());
        }
        return null;
      });
    }
    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add(groupNames.getOrDefault(g, g)));
    Map<String, String> userNames = facts.userNames(users);
    users.forEach(u -> names.add(userNames.getOrDefault(u, u)));
    return String.join("、", names) + "（待认领）";
  }

  /** How late, as a supervisor says it: 逾期 2 天 5 小时, 逾期 3 小时 20 分钟, 逾期 15 分钟. */
  static String lateness(Duration late) {
    long minutes = Math.max(0, late.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    StringBuilder text = new StringBuilder("逾期");
    if (days > 0) {
      text.append(' ').append(days).append(" 天");
      if (hours > 0) {
        text.append(' ').append(hours).append(" 小时");
      }
    } else if (hours > 0) {
      text.append(' ').append(hours).append(" 小时");
      if (rest > 0) {
        text.append(' ').append(rest).append(" 分钟");
      }
    } else {
      text.append(' ').append(rest).append(" 分钟");
    }
    return text.toString();
  }
}
