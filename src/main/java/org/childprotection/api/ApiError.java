package org.childprotection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The error body of every API answer that is not a success (SPEC section 7):
 * {@code {"errors":[{"field":"…","message":"…"}]}}. Messages are for people, in Chinese.
 */
@Schema(description = "出错时的答复：errors 逐项给出字段和原因")
public record ApiError(List<FieldError> errors) {

  public static ApiError of(String field, String message) {
    return new ApiError(List.of(new FieldError(field, message)));
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FieldError(
      @Schema(description = "出错的字段（嵌套字段如 child.idNumber，列表项如 suspectedCategories[1]）；"
          + "与具体字段无关时为 null", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
      String field,
      @Schema(description = "原因（中文）", requiredMode = Schema.RequiredMode.REQUIRED)
      String message) {}
}
