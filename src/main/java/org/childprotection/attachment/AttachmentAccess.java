package org.childprotection.attachment;

import java.util.Optional;
import org.childprotection.registry.CaseAccess;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.Cases.Case;
import org.childprotection.security.EngineUser;

/**
 * Who may see a case, and how much of it (the case-file API's views). A caller without a view
 * learns nothing about the case, not even that it exists.
 *
 * <p>The case-file API's rule ({@link CaseAccess}) decides; this is the attachments' and
 * exports' way to ask it by case number.
 */
public interface AttachmentAccess {

  /** A case and the caller's view of it. */
  record CaseView(Case found, View view) {}

  /**
   * The case and the caller's view of it, or empty when there is no such case or the caller may
   * not see it. The engine acts for the caller (its authentication is set for the request).
   */
  Optional<CaseView> viewOf(String caseNumber, EngineUser caller);
}
