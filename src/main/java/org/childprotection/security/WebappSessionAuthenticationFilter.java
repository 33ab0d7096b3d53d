package org.childprotection.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.childprotection.web.WebappSessionCaller;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged into Cockpit or Tasklist use the project API ({@code /api/**}) with that
 * session: the supervision dashboard in Cockpit and the case pages in Tasklist do. Reads (GET,
 * HEAD) without credentials of their own; and the two writes the case page makes, a note
 * ({@code POST /api/cases/{n}/notes}) and an attachment ({@code POST /api/cases/{n}/attachments}),
 * only with the webapps' CSRF token in {@code X-XSRF-TOKEN}, the one Camunda's
 * {@code CsrfPreventionFilter} keeps in the session: a page elsewhere cannot read it, so it cannot
 * make the browser write. Such a write without the token is refused (403), and the session is
 * left alone. Every other change still needs credentials of its own.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";
  private static final Pattern SESSION_WRITES =
      Pattern.compile("/api/cases/[^/;]+/(notes|attachments)");

  private final AccessDeniedHandler forbidden;

  public WebappSessionAuthenticationFilter(AccessDeniedHandler forbidden) {
    this.forbidden = forbidden;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean read = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && path.startsWith("/api/");
    boolean write = "POST".equals(request.getMethod()) && SESSION_WRITES.matcher(path).matches();
    Authentication user = (read || write)
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SecurityContextHolder.getContext().getAuthentication() == null
        ? WebappSessionCaller.of(session, ENGINE).orElse(null) : null;
    if (user != null && write && !carriesSessionToken(request, session)) {
      forbidden.handle(request, response, null);
      return;
    }
    if (user != null) {
      EngineUser details = new EngineUser(user.getUserId(), nonNull(user.getGroupIds()),
          nonNull(user.getTenantIds()));
      UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
          .authenticated(user.getUserId(), null, details.groupIds().stream()
              .map(g -> new SimpleGrantedAuthority(
                  CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + g))
              .toList());
      token.setDetails(details);
      SecurityContextHolder.getContext().setAuthentication(token);
    }
    chain.doFilter(request, response);
  }

  /** The header's token is the session's, compared in constant time. */
  private static boolean carriesSessionToken(HttpServletRequest request, HttpSession session) {
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object kept = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return sent != null && !sent.isBlank() && kept instanceof String expected
        && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
            expected.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> nonNull(List<String> values) {
    return values == null ? List.of() : values;
  }
}
