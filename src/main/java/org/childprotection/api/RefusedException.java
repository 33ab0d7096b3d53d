package org.childprotection.api;

import org.springframework.http.HttpStatus;

/**
 * A request refused with a 400 (bad input, naming the field) or a 403 (the caller may see the
 * thing but not do this to it), in the API's error shape. Nothing has been written.
 */
public class RefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  /** Any refusal status (400, 403, 404, 413 …); the answer carries no stack trace. */
  public RefusedException(HttpStatus status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  public static RefusedException badRequest(String field, String message) {
    return new RefusedException(HttpStatus.BAD_REQUEST, field, message);
  }

  public static RefusedException forbidden(String message) {
    return new RefusedException(HttpStatus.FORBIDDEN, null, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }
}
