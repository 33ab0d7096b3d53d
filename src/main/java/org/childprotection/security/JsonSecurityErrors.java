package org.childprotection.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.childprotection.api.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401, 403 and 429 in the API's error format, with the Basic challenge on 401 and Retry-After
 * (whole seconds) on 429.
 */
final class JsonSecurityErrors {

  static final String REALM = "minor-protection";

  private final ObjectMapper json;

  JsonSecurityErrors(ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint unauthenticated() {
    return (request, response, exception) -> {
      if (exception instanceof LoginThrottledException throttled) {
        tooManyFailedLogins(response, throttled.retryAfter());
        return;
      }
      // A script in a page asks without the challenge, or the browser would pop up a login box.
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      }
      write(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录：请提供有效的用户名和密码");
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        write(response, HttpServletResponse.SC_FORBIDDEN, "无权访问");
  }

  void tooManyFailedLogins(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    write(response, HttpStatus.TOO_MANY_REQUESTS.value(),
        "登录失败次数过多，请于 " + seconds + " 秒后再试");
  }

  private void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), ApiError.of(null, message));
  }
}
