package org.childprotection.court;

/** The court said something else before: a 409, and nothing changes. */
public class CourtConflictException extends RuntimeException {

  public CourtConflictException(String message) {
    super(message);
  }
}
