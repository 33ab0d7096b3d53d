package org.childprotection.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.childprotection.organisation.District;

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
    return tenantIds.contains(district.tenantId()) || groupIds.contains(Groups.CAMUNDA_ADMIN);
  }
}
