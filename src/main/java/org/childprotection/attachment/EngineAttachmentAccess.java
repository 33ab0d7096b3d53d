package org.childprotection.attachment;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.childprotection.engine.PlatformIdentity;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.Cases;
import org.childprotection.registry.Cases.Case;
import org.childprotection.security.EngineUser;
import org.springframework.stereotype.Component;

/**
 * The views as the engine decides them: the full view for whoever the engine shows the case's
 * process instance (tenant check and authorizations, as {@code CaseFileService} asks); a masked
 * view for a member unit that has, or once had, a task of the case (any of its processes)
 * offered to its group or assigned to one of its users.
 */
@Component
class EngineAttachmentAccess implements AttachmentAccess {

  /** The units whose work needs all but the ID number (police, court, procuratorate). */
  private static final Set<MemberUnit> POLICE_VIEW =
      Set.of(MemberUnit.POLICE, MemberUnit.COURT, MemberUnit.PROCURATORATE);

  private final Cases cases;
  private final HistoryService history;
  private final IdentityService identity;

  EngineAttachmentAccess(Cases cases, HistoryService history, IdentityService identity) {
    this.cases = cases;
    this.history = history;
    this.identity = identity;
  }

  @Override
  public Optional<CaseView> viewOf(String caseNumber, EngineUser caller) {
    return cases.byNumber(caseNumber).filter(found -> found.processInstanceId() != null)
        .flatMap(found -> viewOf(found, caller).map(view -> new CaseView(found, view)));
  }

  private Optional<View> viewOf(Case found, EngineUser caller) {
    if (history.createHistoricProcessInstanceQuery()
        .processInstanceId(found.processInstanceId()).count() == 1) {
      return Optional.of(View.FULL);
    }
    boolean unit = false;
    boolean policeView = false;
    for (String groupId : caller.groupIds()) {
      Optional<MemberUnit> member = MemberUnit.ofGroupId(groupId);
      if (member.isPresent() && !member.get().supervising()
          && PlatformIdentity.asPlatform(identity, () -> hadTask(found, groupId))) {
        unit = true;
        policeView |= POLICE_VIEW.contains(member.get());
      }
    }
    if (!unit && memberOfAUnit(caller)
        && PlatformIdentity.asPlatform(identity, () -> wasAssigned(found, caller.userId()))) {
      unit = true;
      policeView = caller.groupIds().stream().map(MemberUnit::ofGroupId)
          .flatMap(Optional::stream).anyMatch(POLICE_VIEW::contains);
    }
    return !unit ? Optional.empty() : Optional.of(policeView ? View.POLICE : View.UNIT);
  }

  private boolean hadTask(Case found, String groupId) {
    return history.createHistoricTaskInstanceQuery()
        .rootProcessInstanceId(found.processInstanceId()).taskHadCandidateGroup(groupId)
        .count() > 0;
  }

  private boolean wasAssigned(Case found, String userId) {
    return history.createHistoricTaskInstanceQuery()
        .rootProcessInstanceId(found.processInstanceId()).taskAssignee(userId).count() > 0;
  }

  private static boolean memberOfAUnit(EngineUser caller) {
    return caller.groupIds().stream().map(MemberUnit::ofGroupId).flatMap(Optional::stream)
        .anyMatch(unit -> !unit.supervising());
  }
}
