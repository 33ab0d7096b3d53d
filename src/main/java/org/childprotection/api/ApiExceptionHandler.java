package org.childprotection.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Bad input is a 4xx naming the field and the reason, never a 500; an unexpected failure is a
 * 500 that reveals nothing (the log has the cause, without personal data).
 */
@RestControllerAdvice(basePackages = "org.childprotection")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining()).substring(1).replace(".[", "[");
      return status(HttpStatus.BAD_REQUEST, field, "字段类型或格式不正确");
    }
    return status(HttpStatus.BAD_REQUEST, null, "请求体不是有效的 JSON");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "不支持的内容类型，请使用 application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return status(HttpStatus.METHOD_NOT_ALLOWED, null, "不支持的请求方法");
  }

  @ExceptionHandler({MissingServletRequestParameterException.class,
      MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> parameter(Exception e) {
    String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
        : ((MethodArgumentTypeMismatchException) e).getName();
    return status(HttpStatus.BAD_REQUEST, name, "参数缺失或格式不正确");
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
  ResponseEntity<ApiError> missingPart(Exception e) {
    String part = e instanceof MissingServletRequestPartException m ? m.getRequestPartName()
        : "file";
    return status(HttpStatus.BAD_REQUEST, part, "请以 multipart/form-data 上传文件（字段 file）");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return status(HttpStatus.PAYLOAD_TOO_LARGE, "file", "文件过大");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
    return status(HttpStatus.NOT_FOUND, null, "资源不存在");
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return status(HttpStatus.NOT_FOUND, e.field(), e.getMessage());
  }

  @ExceptionHandler(RefusedException.class)
  ResponseEntity<ApiError> refused(RefusedException e) {
    return status(e.status(), e.field(), e.getMessage());
  }

  /** Logs where it failed, not what the message says (see {@link Failures}). */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    LOG.error("Unexpected failure of an API request: {}", Failures.describe(e));
    return status(HttpStatus.INTERNAL_SERVER_ERROR, null, "服务器内部错误，请稍后重试");
  }

  static ResponseEntity<ApiError> status(HttpStatus status, String field, String message) {
    return ResponseEntity.status(status).body(ApiError.of(field, message));
  }
}
