package org.childprotection.api;

/** Something the caller named does not exist, or is not theirs to see: a 404 either way. */
public class NotFoundException extends RuntimeException {

  private final String field;

  public NotFoundException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
