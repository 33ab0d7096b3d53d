package org.childprotection.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapps' CSRF protection, without logging the user out: Camunda's filter invalidates the
 * session of a change that comes without its token, so any page elsewhere could log a Tasklist
 * user out by making the browser post to it. Ours refuses such a request just the same (403)
 * and leaves the session alone. It takes the name under which the starter registers Camunda's
 * filter, so the starter leaves its own out, and the same settings
 * ({@code camunda.bpm.webapp.csrf.*}) and paths.
 */
@Configuration
public class WebappCsrfConfiguration {

  static final String FILTER_NAME = "CsrfPreventionFilter";

  @Bean
  FilterRegistrationBean<CsrfPreventionFilter> webappCsrfPrevention(
      CamundaBpmProperties properties) {
    String path = properties.getWebapp().getApplicationPath();
    FilterRegistrationBean<CsrfPreventionFilter> registration =
        new FilterRegistrationBean<>(new SessionKeepingCsrfPreventionFilter());
    registration.setName(FILTER_NAME);
    registration.addUrlPatterns(path + "/api/*", path + "/app/*");
    registration.setInitParameters(properties.getWebapp().getCsrf().getInitParams());
    // Registered before the starter's webapp initializer runs, which then finds the name taken.
    registration.setOrder(0);
    return registration;
  }

  static class SessionKeepingCsrfPreventionFilter extends CsrfPreventionFilter {

    @Override
    protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      return super.doTokenValidation(new HttpServletRequestWrapper(request) {
        @Override
        public HttpSession getSession() {
          return kept(super.getSession());
        }

        @Override
        public HttpSession getSession(boolean create) {
          HttpSession session = super.getSession(create);
          return session == null ? null : kept(session);
        }
      }, response);
    }

    /** The session, except that the token check cannot invalidate it. */
    private static HttpSession kept(HttpSession session) {
      return (HttpSession) Proxy.newProxyInstance(HttpSession.class.getClassLoader(),
          new Class<?>[] {HttpSession.class}, (proxy, method, args) -> {
            if (method.getName().equals("invalidate")) {
              return null;
            }
            try {
              return method.invoke(session, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
