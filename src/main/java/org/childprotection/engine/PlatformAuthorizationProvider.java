package org.childprotection.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * The engine's default grants for new resources, except that a new user may only read their own
 * account (the engine's default is ALL, which lets anybody rename themselves): names and
 * passwords are changed by administrators (see
 * {@link org.childprotection.organisation.OrganisationSetup}).
 */
public class PlatformAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newUser(User user) {
    return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null,
        Resources.USER, user.getId(), Permissions.READ)};
  }
}
