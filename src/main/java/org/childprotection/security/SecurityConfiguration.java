package org.childprotection.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.childprotection.api.ApiError;
import org.childprotection.organisation.MemberUnit;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**}: HTTP Basic against the
 *       engine's users (and, for reads, notes and attachments, the session of a user logged
 *       into the webapps: see {@link WebappSessionAuthenticationFilter}); only
 *       health and its probes answer without credentials; the engine then applies its
 *       authorizations and tenant check to the caller. Court rulings come from the court's
 *       system account (group {@code court}) only.</li>
 *   <li>Every login, by HTTP Basic or the webapps' login form, passes the
 *       {@link LoginThrottle}; the engine's check of any user's password
 *       ({@code identity/verify}) is closed.</li>
 *   <li>{@code /camunda/api/admin/setup/**}: closed. Administrators come from configuration,
 *       never from whoever reaches the setup page first.</li>
 *   <li>{@code /ledger/**}: the ledger upload page, with a strict content security policy.</li>
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin, which authenticate with their own
 *       session login, CSRF protection and security headers.</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

  /**
   * The engine REST API's password check for any user, which the webapps do not use: it would
   * let any logged-in user guess another's password past the {@link LoginThrottle}.
   */
  private static final String PASSWORD_CHECK = "/identity/verify";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
      IdentityService identity, ObjectMapper json) throws Exception {
    JsonSecurityErrors errors = new JsonSecurityErrors(json);
    http.securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(paths("/engine-rest" + PASSWORD_CHECK)).denyAll()
            .requestMatchers(paths("/actuator/**")).hasAuthority(group(Groups.CAMUNDA_ADMIN))
            // The court's system answers for the court: anybody else is refused before the body
            // is read, so the answer cannot tell which application numbers exist.
            .requestMatchers(PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/api/court/rulings"))
                .hasAuthority(group(MemberUnit.COURT.groupId()))
            // The holiday calendar sets every district's working-day limits.
            .requestMatchers(PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.PUT, "/api/work-calendar/**"))
                .hasAuthority(group(Groups.CAMUNDA_ADMIN))
            // A signal reaches waiting instances in every district.
            .requestMatchers(paths("/engine-rest/signal", "/engine-rest/signal/**"))
            .hasAuthority(group(Groups.CAMUNDA_ADMIN))
            .anyRequest().authenticated())
        // Our provider only: a parent manager would try a failed login a second time.
        .authenticationManager(new ProviderManager(users))
        .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM)
            .authenticationEntryPoint(errors.unauthenticated()))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(errors.unauthenticated())
            .accessDeniedHandler(errors.forbidden()))
        // Never touch the webapps' session (a read with it must not rotate its id).
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterBefore(new ForeignOriginFilter(errors.forbidden()),
            BasicAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionAuthenticationFilter(errors.forbidden()),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain closedSetup(HttpSecurity http, ObjectMapper json) throws Exception {
    JsonSecurityErrors errors = new JsonSecurityErrors(json);
    http.securityMatcher(paths("/camunda/api/admin/setup/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint((request, response, e) ->
                errors.forbidden().handle(request, response, null))
            .accessDeniedHandler(errors.forbidden()))
        .csrf(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /**
   * The ledger upload page takes a password: its own scripts and styles only, never in a frame
   * (Spring Security's default headers add nosniff and {@code X-Frame-Options: DENY}).
   */
  @Bean
  @Order(3)
  SecurityFilterChain ledgerPage(HttpSecurity http) throws Exception {
    http.securityMatcher(paths("/ledger/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable);
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http, LoginThrottle throttle, ObjectMapper json)
      throws Exception {
    http.securityMatcher(paths("/**"))
        .authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            // Spring's error page is rendered for errors, never requested directly.
            .requestMatchers(paths("/error", "/error/**")).denyAll()
            .requestMatchers(paths("/camunda/api/engine/engine/*" + PASSWORD_CHECK)).denyAll()
            .anyRequest().permitAll())
        .addFilterBefore(new WebappLoginThrottle(throttle, new JsonSecurityErrors(json)),
            AuthorizationFilter.class)
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /** A request the firewall refuses (say, an encoded "../") is a 400 with a reason too. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, rejected) -> {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), ApiError.of(null, "请求地址不合法"));
    };
  }

  private static String group(String groupId) {
    return CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + groupId;
  }

  /**
   * Spring Security's firewall once more, before anything else reads the path. Spring Security
   * parses the path for its matchers (ServletRequestPathFilter) before its own firewall runs,
   * and that parsing throws on a path parameter in a servlet's prefix ({@code
   * /engine-rest;x/task}: "Invalid contextPath"), a 500 with a stack trace in the log.
   */
  @Bean
  FilterRegistrationBean<Filter> firewallFirst(RequestRejectedHandler rejected) {
    HttpFirewall firewall = new StrictHttpFirewall();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        (request, response, chain) -> {
          try {
            firewall.getFirewalledRequest((HttpServletRequest) request);
          } catch (RequestRejectedException e) {
            rejected.handle((HttpServletRequest) request, (HttpServletResponse) response, e);
            return;
          }
          chain.doFilter(request, response);
        });
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /**
   * Plain path patterns on the whole path: the engine REST API and the webapps are servlets of
   * their own beside Spring MVC's, which Spring MVC-based matchers would not see.
   */
  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns)
        .<RequestMatcher>map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
        .toList());
  }
}
