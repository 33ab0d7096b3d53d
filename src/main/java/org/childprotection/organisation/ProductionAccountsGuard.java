package org.childprotection.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Stops a production start-up on a database that still holds the quick start's accounts: a demo
 * user (say, from a first start with the demo profile), or any user whose password is the user
 * id or one of the well-known defaults. Also holds the configured administrator's password to
 * the engine's password policy, which every password set through Admin or the REST API meets.
 *
 * <p>Passwords are compared with the engine's password manager and each user's salt, as the
 * engine's own check does, but without {@code IdentityService.checkPassword}: that counts a
 * wrong guess as a failed login of the user.
 */
@Component
public class ProductionAccountsGuard implements InitializingBean {

  private final ProcessEngine engine;
  private final AdministratorProperties administrator;

  public ProductionAccountsGuard(
      ProcessEngine engine, AdministratorProperties administrator, AdministratorGuard guard) {
    this.engine = engine;
    this.administrator = administrator;
  }

  @Override
  public void afterPropertiesSet() {
    if (!administrator.requireStrongPassword()) {
      return;
    }
    String policy = administratorPolicyViolation();
    if (policy != null) {
      throw new IllegalStateException("Refusing to start in production: ADMIN_PASSWORD does not "
          + "meet the engine's password policy (" + policy + ")");
    }
    Set<String> demoUsers = new TreeSet<>();
    Set<String> weakPasswords = new TreeSet<>();
    Set<String> demoIds = new TreeSet<>(DemoUsers.users().keySet());
    demoIds.add(DemoUsers.DEMO_ADMINISTRATOR);
    PasswordManager passwords =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getPasswordManager();
    for (User user : engine.getIdentityService().createUserQuery().list()) {
      if (demoIds.contains(user.getId())) {
        demoUsers.add(user.getId());
      } else if (hasWeakPassword((UserEntity) user, passwords)) {
        weakPasswords.add(user.getId());
      }
    }
    if (!demoUsers.isEmpty() || !weakPasswords.isEmpty()) {
      throw new IllegalStateException(refusal(demoUsers, weakPasswords));
    }
  }

  private String administratorPolicyViolation() {
    IdentityService identity = engine.getIdentityService();
    User profile = identity.newUser(administrator.userId());
    profile.setFirstName(OrganisationSetup.ADMINISTRATOR_FIRST_NAME);
    profile.setLastName(OrganisationSetup.ADMINISTRATOR_LAST_NAME);
    PasswordPolicyResult result =
        identity.checkPasswordAgainstPolicy(administrator.password(), profile);
    if (result.isValid()) {
      return null;
    }
    List<String> rules = new ArrayList<>();
    for (PasswordPolicyRule rule : result.getViolatedRules()) {
      rules.add(rule.getPlaceholder() + (rule.getParameters() == null ? "" : " " + rule.getParameters()));
    }
    return String.join(", ", rules);
  }

  /** The password is the user id or one of the well-known defaults. */
  private boolean hasWeakPassword(UserEntity user, PasswordManager passwords) {
    if (user.getPassword() == null) {
      return false;
    }
    return Stream.concat(Stream.of(user.getId()), administrator.forbiddenPasswords().stream())
        .anyMatch(guess -> passwords.check(
            EncryptionUtil.saltPassword(guess, user.getSalt()), user.getPassword()));
  }

  private static String refusal(Set<String> demoUsers, Set<String> weakPasswords) {
    StringBuilder message = new StringBuilder("Refusing to start in production:");
    if (!demoUsers.isEmpty()) {
      message.append(" demo users exist (").append(String.join(", ", demoUsers))
          .append("): delete them.");
    }
    if (!weakPasswords.isEmpty()) {
      message.append(" Users whose password is their user id or a well-known default")
          .append(" (minor-protection.administrator.forbidden-passwords) exist (")
          .append(String.join(", ", weakPasswords))
          .append("): delete them or give them strong passwords.");
    }
    return message.append(" Do it in Camunda Admin (用户管理) after starting once without the prod")
        .append(" profile and without demo (e.g. SPRING_PROFILES_ACTIVE=postgres, or")
        .append(" SPRING_PROFILES_ACTIVE=maintenance on H2), then start with prod again.")
        .toString();
  }
}
