package org.childprotection.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a change (POST, PUT, PATCH, DELETE) that a page of another site makes the browser
 * send: a browser sends the Basic credentials it remembers along with it, so the credentials
 * alone do not show that the user meant it. The browser names the page's site in
 * {@code Origin} (or, in older browsers, {@code Referer}); callers that are not browsers, such
 * as the court's system, send neither and are not affected.
 */
class ForeignOriginFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final AccessDeniedHandler forbidden;

  ForeignOriginFilter(AccessDeniedHandler forbidden) {
    this.forbidden = forbidden;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      origin = request.getHeader(HttpHeaders.REFERER);
    }
    if (origin != null && !READS.contains(request.getMethod()) && !sameSite(origin, request)) {
      forbidden.handle(request, response, null);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the page's host and port are the ones this request was sent to. */
  private static boolean sameSite(String origin, HttpServletRequest request) {
    String host = request.getHeader(HttpHeaders.HOST);
    try {
      String authority = new URI(origin).getRawAuthority();
      return authority != null && host != null
          && withoutDefaultPort(authority).equalsIgnoreCase(withoutDefaultPort(host));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String withoutDefaultPort(String authority) {
    return authority.replaceFirst(":(80|443)$", "");
  }
}
