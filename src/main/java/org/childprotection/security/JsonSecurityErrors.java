package org.childprotection.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.childprotection.api.ApiError;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 in the API's error format, with the Basic challenge on 401. */
final class JsonSecurityErrors {

  static final String REALM = "minor-protection";

  private final ObjectMapper json;

  JsonSecurityErrors(ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint unauthenticated() {
    return (request, response, exception) -> {
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

  private void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), ApiError.of(null, message));
  }
}
