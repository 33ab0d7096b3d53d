package org.childprotection.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.sub.runtime.ExecutionResource;
import org.camunda.bpm.engine.rest.sub.runtime.ProcessInstanceResource;
import org.camunda.bpm.engine.rest.sub.task.TaskResource;

/**
 * An instance, execution or task the caller may not see (another district's) answers exactly as
 * one that does not exist: 404 before the engine REST API acts on it. Otherwise the engine
 * answers a 500 naming the tenant check for the one and a 404, 400, 500 or even 204 for the
 * other, and a district could probe which ids exist elsewhere. Whether the caller sees it is
 * the engine's own query, with its tenant check and authorizations.
 */
class ForeignIdFilter implements ContainerRequestFilter {

  private final ProcessEngine engine;

  ForeignIdFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String id = request.getUriInfo().getPathParameters().getFirst("id");
    if (id == null) {
      return;
    }
    for (Object resource : request.getUriInfo().getMatchedResources()) {
      if (resource instanceof ProcessInstanceResource && engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceId(id).count() == 0) {
        request.abortWith(notFound("流程实例", id));
        return;
      }
      if (resource instanceof ExecutionResource && engine.getRuntimeService()
          .createExecutionQuery().executionId(id).count() == 0) {
        request.abortWith(notFound("执行", id));
        return;
      }
      if (resource instanceof TaskResource
          && engine.getTaskService().createTaskQuery().taskId(id).count() == 0) {
        request.abortWith(notFound("任务", id));
        return;
      }
    }
  }

  /** In Camunda's error shape, so that Tasklist and other clients read it as the engine's. */
  private static Response notFound(String kind, String id) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "InvalidRequestException");
    error.put("message", kind + " " + id + " 不存在");
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(error).build();
  }
}
