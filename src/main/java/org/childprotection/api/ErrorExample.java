package org.childprotection.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer that an {@code /api} operation gives, with its status and the body's field and
 * Chinese message ({@link ApiError}): the OpenAPI description lists it under the operation's
 * responses ({@link OpenApiConfiguration}). On a controller, it is an answer of each of its
 * operations. One line per answer keeps a controller readable where a whole response block per
 * status would not. 401, 429 and 500 can answer any operation and are added to each without
 * being named here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ErrorExample.List.class)
public @interface ErrorExample {

  int status();

  /** The field the answer names; empty when it names none ({@code "field": null}). */
  String field() default "";

  String message();

  /** The answers of one operation. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @interface List {
    ErrorExample[] value();
  }
}
