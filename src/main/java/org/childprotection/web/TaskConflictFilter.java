package org.childprotection.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people complete the same task: the one who comes second gets a 409 saying who completed
 * it and when, instead of the engine's "Cannot find task" (it was committed first) or its
 * optimistic-locking 500 or a 403 for the task's withdrawn grant (both at once). Covers the
 * engine REST API and the copy of it that Tasklist calls; the answer keeps Camunda's error
 * shape, {@code {"type","message"}}, so Tasklist shows the message. A caller who may not see the
 * task gets the engine's answer unchanged.
 *
 * <p>A filter, not a Jersey exception mapper: Camunda's own mappers win for its exceptions, and
 * whether a "not found" is a conflict depends on the history, not on the exception.
 */
@Component
public class TaskConflictFilter extends OncePerRequestFilter {

  static final String CONFLICT_TYPE = "TaskConflictException";

  private static final Pattern COMPLETION = Pattern.compile(
      "(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/task/([^/]+)/"
          + "(?:complete|submit-form|resolve)");
  private static final String OPTIMISTIC_LOCKING = "OptimisticLockingException";
  /** The engine's code for a concurrent update, in the message when submit-form wraps it. */
  private static final String CONCURRENT_UPDATE_CODE = "ENGINE-03005";

  private final IdentityService identity;
  private final DoubleCompletionMessages messages;
  private final ObjectMapper json;

  public TaskConflictFilter(ProcessEngine engine, DoubleCompletionMessages messages,
      ObjectMapper json) {
    this.identity = engine.getIdentityService();
    this.messages = messages;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher completion = COMPLETION.matcher(path(request));
    if (!completion.matches()) {
      chain.doFilter(request, response);
      return;
    }
    Authentication caller = caller(request, completion.group(1));
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);

    int status = buffered.getStatus();
    // A 403 too: the winner's commit also removes the task's grant to the candidate group, so a
    // worker who loaded the task just before may fail the permission check instead.
    if (status == HttpServletResponse.SC_NOT_FOUND
        || status == HttpServletResponse.SC_FORBIDDEN
        || status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
      boolean concurrent = concurrentModification(buffered);
      Optional<String> conflict = messages.forFailedCompletion(completion.group(2), caller,
          concurrent);
      if (conflict.isPresent()) {
        writeConflict(response, conflict.get());
        return;
      }
    }
    buffered.copyBodyToResponse();
  }

  /**
   * The caller as the engine knows them: the engine REST API's caller is handed to the engine
   * by the security chain that wraps this filter; Tasklist's comes with its session.
   */
  private Authentication caller(HttpServletRequest request, String webappEngine) {
    if (webappEngine == null) {
      return identity.getCurrentAuthentication();
    }
    return WebappSessionCaller.of(request.getSession(false), webappEngine).orElse(null);
  }

  /** Whether the engine's error says that another transaction changed the task meanwhile. */
  private boolean concurrentModification(ContentCachingResponseWrapper buffered) {
    try (InputStream body = buffered.getContentInputStream()) {
      JsonNode error = json.readTree(body);
      return error != null && (OPTIMISTIC_LOCKING.equals(error.path("type").asText())
          || error.path("message").asText().contains(CONCURRENT_UPDATE_CODE));
    } catch (IOException e) {
      return false;
    }
  }

  private void writeConflict(HttpServletResponse response, String message) throws IOException {
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", CONFLICT_TYPE);
    error.put("message", message);
    byte[] body = json.writeValueAsBytes(error);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
