package org.childprotection.attachment;

import java.util.Optional;
import org.childprotection.registry.Cases.Case;
import org.childprotection.security.EngineUser;

/**
 * Who may see a case, and how much of it (the case-file API's views). A caller without a view
 * learns nothing about the case, not even that it exists.
 *
 * <p>Stands in for the case-file API's general rule ({@code registry/CaseAccess}), which the
 * implementation should call once it is there.
 */
public interface AttachmentAccess {

  /** How much of a case a caller sees. */
  enum View {
    /** The case's district's staff, 民政局, 保护中心 and administrators: everything. */
    FULL,
    /** Police, court and procuratorate with a task of the case: all but the ID number. */
    POLICE,
    /** Other member units with a task of the case: only what their task needs. */
    UNIT
  }

  /** A case and the caller's view of it. */
  record CaseView(Case found, View view) {}

  /**
   * The case and the caller's view of it, or empty when there is no such case or the caller may
   * not see it. The engine acts for the caller (its authentication is set for the request).
   */
  Optional<CaseView> viewOf(String caseNumber, EngineUser caller);
}
