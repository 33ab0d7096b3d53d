package org.childprotection.security;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, the same users, groups and
 * tenants that Tasklist, Cockpit and Admin use. Authorities are {@code GROUP_<groupId>}. The
 * {@link LoginThrottle} sees every attempt, by the client address Spring's Basic filter records;
 * a login the engine has just accepted is taken again from {@link VerifiedLogins}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private final IdentityService identity;
  private final LoginThrottle throttle;
  private final VerifiedLogins verified;

  public CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle,
      VerifiedLogins verified) {
    this.identity = identity;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("bad credentials");
    }
    String address = authentication.getDetails() instanceof WebAuthenticationDetails web
        ? web.getRemoteAddress() : "unknown";
    String password = credentials.toString();
    VerifiedLogins.Login login =
        verified.verify(userId, password, () -> check(address, userId, password));
    if (!login.checkedNow()) {
      Duration wait = throttle.admitKnownPassword(address, userId);
      if (!wait.isZero()) {
        throw new LoginThrottledException(wait);
      }
    }
    EngineUser user = login.user();
    List<GrantedAuthority> authorities = user.groupIds().stream()
        .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g))
        .toList();
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(user.userId(), null, authorities);
    result.setDetails(user);
    return result;
  }

  /** The engine's check of the password, past the throttle; the caller as the engine knows them. */
  private EngineUser check(String address, String userId, String password) {
    Duration wait = throttle.admit(address, userId);
    if (!wait.isZero()) {
      throw new LoginThrottledException(wait);
    }
    if (!passwordMatches(address, userId, password)) {
      throw new BadCredentialsException("bad credentials");
    }
    throttle.succeeded(address, userId);
    return new EngineUser(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
            .stream().map(Tenant::getId).toList());
  }

  /** An engine that cannot answer (a database outage) counts no failed login. */
  private boolean passwordMatches(String address, String userId, String password) {
    try {
      return identity.checkPassword(userId, password);
    } catch (RuntimeException e) {
      throttle.notChecked(address, userId);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
