package org.childprotection.intake;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A case the intake is opening on this thread: what the start of its process registers
 * ({@link CaseOpeningListener}). The registry's case row is written as the instance starts, with
 * the instance's id, so that it is inserted once and never updated (an update of the indexed
 * instance id rewrote all seven of the case's index entries: issue 19). Only a start inside
 * {@link #during} finds one, so a start of the case's process from anywhere else (the REST API,
 * Cockpit) has no case to open and is refused.
 */
final class CaseOpening {

  private static final ThreadLocal<CaseOpening> CURRENT = new ThreadLocal<>();

  private final String caseNumber;
  private final long childId;
  private final String district;
  private final String categories;
  private final boolean danger;
  private Long caseId;

  CaseOpening(String caseNumber, long childId, String district, String categories,
      boolean danger) {
    this.caseNumber = caseNumber;
    this.childId = childId;
    this.district = district;
    this.categories = categories;
    this.danger = danger;
  }

  /** Runs the start of the case's process with this opening in reach of its listener. */
  <T> T during(Supplier<T> start) {
    CaseOpening outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return start.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The opening of the start running on this thread, unless its case is registered already. */
  static Optional<CaseOpening> pending() {
    return Optional.ofNullable(CURRENT.get()).filter(opening -> opening.caseId == null);
  }

  boolean isFor(String businessKey, String tenantId) {
    return caseNumber.equals(businessKey) && district.equals(tenantId);
  }

  String caseNumber() {
    return caseNumber;
  }

  long childId() {
    return childId;
  }

  String district() {
    return district;
  }

  String categories() {
    return categories;
  }

  boolean danger() {
    return danger;
  }

  void registered(long id) {
    caseId = id;
  }

  /** The registry's id of the case, once its process has started. */
  long caseId() {
    if (caseId == null) {
      throw new IllegalStateException("the case's process started without registering it");
    }
    return caseId;
  }
}
