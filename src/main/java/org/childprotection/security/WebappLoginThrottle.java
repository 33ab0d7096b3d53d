package org.childprotection.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the webapps' login form, Camunda's own servlet, behind the {@link LoginThrottle}: a
 * throttled login is refused before Camunda checks the password; otherwise Camunda's answer
 * tells the outcome (200 logged in, 401 wrong password, anything else: not checked, such as a
 * missing CSRF token).
 */
class WebappLoginThrottle extends OncePerRequestFilter {

  private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");

  private final LoginThrottle throttle;
  private final JsonSecurityErrors errors;

  WebappLoginThrottle(LoginThrottle throttle, JsonSecurityErrors errors) {
    this.throttle = throttle;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LOGIN.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String userId = request.getParameter("username");
    if (userId == null || userId.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.admit(address, userId);
    if (!wait.isZero()) {
      errors.tooManyFailedLogins(response, wait);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      throttle.notChecked(address, userId);
      throw e;
    }
    if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(address, userId);
    } else if (response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.notChecked(address, userId);
    }
  }
}
