package org.childprotection.attachment;

import org.springframework.http.HttpStatus;

/** An upload or download the platform refuses, with the field and the reason for the caller. */
class AttachmentRefused extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  AttachmentRefused(HttpStatus status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  static AttachmentRefused badRequest(String field, String message) {
    return new AttachmentRefused(HttpStatus.BAD_REQUEST, field, message);
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }
}
