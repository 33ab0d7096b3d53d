package org.childprotection.security;

import java.util.List;

/** Who is calling, as the engine knows them: the groups and tenants its checks look at. */
public record EngineUser(String userId, List<String> groupIds, List<String> tenantIds) {

  public EngineUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }
}
