package org.childprotection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The error body of every API answer that is not a success (SPEC section 7):
 * {@code {"errors":[{"field":"…","message":"…"}]}}. Messages are for people, in Chinese.
 */
public record ApiError(List<FieldError> errors) {

  public static ApiError of(String field, String message) {
    return new ApiError(List.of(new FieldError(field, message)));
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FieldError(String field, String message) {}
}
