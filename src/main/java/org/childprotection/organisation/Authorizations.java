package org.childprotection.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * The grants of the platform's groups, planned first and then applied so that each planned
 * (group, resource, resource id) carries exactly the planned permissions: a missing permission
 * is added, and one the platform no longer gives (as the right to start the case processes, on a
 * database from an older version) is taken away. Applying the same plan again changes nothing.
 * The groups' grants are read in one query, not one per planned grant.
 */
final class Authorizations {

  private record Key(String groupId, int resourceType, String resourceId) {}

  private final AuthorizationService authorizationService;
  private final Map<Key, Integer> planned = new LinkedHashMap<>();

  Authorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    int mask = 0;
    for (Permission permission : permissions) {
      mask |= permission.getValue();
    }
    planned.merge(new Key(groupId, resource.resourceType(), resourceId), mask, (a, b) -> a | b);
  }

  void apply() {
    Map<Key, Authorization> existing = new HashMap<>();
    for (Authorization grant : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(planned.keySet().stream().map(Key::groupId).distinct().toArray(String[]::new))
        .list()) {
      existing.putIfAbsent(
          new Key(grant.getGroupId(), grant.getResourceType(), grant.getResourceId()), grant);
    }
    planned.forEach((key, mask) -> {
      AuthorizationEntity authorization = (AuthorizationEntity) existing.get(key);
      if (authorization == null) {
        authorization = (AuthorizationEntity)
            authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(key.groupId());
        authorization.setResourceType(key.resourceType());
        authorization.setResourceId(key.resourceId());
      } else if (authorization.getPermissions() == mask) {
        return;
      }
      authorization.setPermissions(mask);
      authorizationService.saveAuthorization(authorization);
    });
  }
}
