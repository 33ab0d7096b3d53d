package org.childprotection.organisation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Camunda administrator. In the demo profile it defaults to demo/demo; everywhere else it
 * comes from ADMIN_USER / ADMIN_PASSWORD, and the prod profile insists on a strong password.
 */
@ConfigurationProperties("minor-protection.administrator")
public record AdministratorProperties(
    String userId,
    String password,
    boolean requireStrongPassword,
    Integer minimumPasswordLength,
    List<String> forbiddenPasswords) {

  public AdministratorProperties {
    minimumPasswordLength = minimumPasswordLength == null ? 12 : minimumPasswordLength;
    forbiddenPasswords = forbiddenPasswords == null ? List.of() : List.copyOf(forbiddenPasswords);
  }

  public boolean configured() {
    return userId != null && !userId.isBlank() && password != null && !password.isEmpty();
  }

  /** Why this administrator may not run in production, or null when it may. */
  public String weakness() {
    if (!configured()) {
      return "ADMIN_USER and ADMIN_PASSWORD must be set";
    }
    if (password.length() < minimumPasswordLength) {
      return "ADMIN_PASSWORD must have at least " + minimumPasswordLength + " characters";
    }
    if (password.equalsIgnoreCase(userId)
        || forbiddenPasswords.stream().anyMatch(password::equalsIgnoreCase)) {
      return "ADMIN_PASSWORD is a default password";
    }
    return null;
  }
}
