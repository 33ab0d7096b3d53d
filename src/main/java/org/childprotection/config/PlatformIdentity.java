package org.childprotection.config;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine acts for: the calling user, or the platform itself. */
public final class PlatformIdentity {

  private PlatformIdentity() {}

  /**
   * Runs work for the platform, not for the caller (no tenant check, no authorizations), then
   * gives the caller back their authentication.
   */
  public static <T> T asPlatform(IdentityService identity, Supplier<T> work) {
    return as(identity, null, work);
  }

  /**
   * Runs work for the given user, with their groups and tenants (null: for the platform), then
   * gives whoever was acting before back their authentication.
   */
  public static <T> T as(IdentityService identity, Authentication user, Supplier<T> work) {
    Authentication previous = identity.getCurrentAuthentication();
    if (user == null) {
      identity.clearAuthentication();
    } else {
      identity.setAuthentication(user);
    }
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** The user whose action runs this step (the one completing a task), or null for a job. */
  public static String currentUserId(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
