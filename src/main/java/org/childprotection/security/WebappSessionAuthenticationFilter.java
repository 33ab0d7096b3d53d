package org.childprotection.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged into Cockpit or Tasklist read the project API ({@code /api/**}) with that
 * session (the supervision dashboard in Cockpit does). Reads only: a GET or HEAD without credentials of its
 * own, so a page elsewhere cannot make the browser change anything (no CSRF exposure).
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    boolean read = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (read && session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication engineUser = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (engineUser instanceof UserAuthentication user) {
        EngineUser details = new EngineUser(user.getName(), nonNull(user.getGroupIds()),
            nonNull(user.getTenantIds()));
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
            .authenticated(user.getName(), null, details.groupIds().stream()
                .map(g -> new SimpleGrantedAuthority(
                    CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + g))
                .toList());
        token.setDetails(details);
        SecurityContextHolder.getContext().setAuthentication(token);
      }
    }
    chain.doFilter(request, response);
  }

  private static List<String> nonNull(List<String> values) {
    return values == null ? List.of() : values;
  }
}
