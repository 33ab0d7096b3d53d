package org.childprotection.web;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The user logged into the webapps (Tasklist, Cockpit, Admin) with this session, as the engine
 * knows a caller: id, groups and tenants. The webapps keep their login in the session in their
 * own classes, one login per process engine.
 */
public final class WebappSessionCaller {

  private WebappSessionCaller() {}

  /** The session's user for the named process engine, if one is logged in with it. */
  public static Optional<Authentication> of(HttpSession session, String processEngineName) {
    Authentications logins =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (logins != null && logins.getAuthenticationForProcessEngine(processEngineName)
        instanceof UserAuthentication user) {
      return Optional.of(new Authentication(user.getName(), user.getGroupIds(),
          user.getTenantIds()));
    }
    return Optional.empty();
  }
}
