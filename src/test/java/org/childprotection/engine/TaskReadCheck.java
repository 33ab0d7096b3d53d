package org.childprotection.engine;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/** The check the engine makes of a caller before it reads tasks (READ on TASK). */
final class TaskReadCheck {

  private TaskReadCheck() {
  }

  static AuthorizationCheck of(String userId, String groupId) {
    AuthorizationCheck check = new AuthorizationCheck(userId, List.of(groupId),
        new CompositePermissionCheck(), false);
    check.setAuthorizationCheckEnabled(true);
    PermissionCheck read = new PermissionCheck();
    read.setPermission(Permissions.READ);
    read.setResource(Resources.TASK);
    check.addAtomicPermissionCheck(read);
    return check;
  }
}
