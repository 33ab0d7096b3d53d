package org.childprotection.security;

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
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, the same users, groups and
 * tenants that Tasklist, Cockpit and Admin use. Authorities are {@code GROUP_<groupId>}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  private final IdentityService identity;

  public CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identity.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("bad credentials");
    }
    EngineUser user = new EngineUser(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
            .stream().map(Tenant::getId).toList());
    List<GrantedAuthority> authorities = user.groupIds().stream()
        .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + g))
        .toList();
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    result.setDetails(user);
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
