package org.childprotection.attachment;

import java.util.Optional;
import org.childprotection.registry.CaseAccess;
import org.childprotection.registry.Cases;
import org.childprotection.security.EngineUser;
import org.springframework.stereotype.Component;

/** The case-file API's views ({@link CaseAccess}), asked by case number. */
@Component
class EngineAttachmentAccess implements AttachmentAccess {

  private final Cases cases;
  private final CaseAccess access;

  EngineAttachmentAccess(Cases cases, CaseAccess access) {
    this.cases = cases;
    this.access = access;
  }

  /** The caller is the engine's current authentication, which the request set. */
  @Override
  public Optional<CaseView> viewOf(String caseNumber, EngineUser caller) {
    return cases.byNumber(caseNumber)
        .flatMap(found -> access.viewOf(found).map(view -> new CaseView(found, view)));
  }
}
