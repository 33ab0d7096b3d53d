package org.childprotection.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;

/** Who is calling, as the engine knows them: the groups and tenants its checks look at. */
public record EngineUser(String userId, List<String> groupIds, List<String> tenantIds) {

  public EngineUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  /**
   * Whether this user works in the district: city-level units belong to every district's tenant,
   * a district's staff to their own, administrators to all.
   */
  public boolean mayWorkIn(District district) {
    return tenantIds.contains(district.tenantId()) || isAdministrator();
  }

  public boolean isAdministrator() {
    return groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean belongsTo(MemberUnit unit) {
    return groupIds.contains(unit.groupId());
  }

  /** Whether this user is one of the district's own social workers. */
  public boolean isStaffOf(District district) {
    return groupIds.contains(district.groupId());
  }

  /** The districts whose social workers this user is one of. */
  public List<District> staffDistricts() {
    return Arrays.stream(District.values()).filter(this::isStaffOf).toList();
  }
}
