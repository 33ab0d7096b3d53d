package org.childprotection.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.childprotection.engine.StepRefused;

/**
 * A start refused by one of the platform's steps ({@link StepRefused}: a form's answer, or
 * variables that name another case) is a 400 with the step's reason, not the 500 the engine REST
 * API gives any failed start ("Cannot instantiate process definition …"). Every other failure is
 * answered by Camunda's own handler, unchanged.
 */
@Priority(1)
class StepRefusedMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof StepRefused refused) {
        return camunda.toResponse(
            new RestException(Response.Status.BAD_REQUEST, refused, refused.getMessage()));
      }
    }
    return camunda.toResponse(exception);
  }
}
