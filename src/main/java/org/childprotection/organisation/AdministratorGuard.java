package org.childprotection.organisation;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Stops a production start-up that would run with a missing or default administrator. */
@Component
public class AdministratorGuard implements InitializingBean {

  private final AdministratorProperties administrator;

  public AdministratorGuard(AdministratorProperties administrator) {
    this.administrator = administrator;
  }

  @Override
  public void afterPropertiesSet() {
    if (!administrator.requireStrongPassword()) {
      return;
    }
    String weakness = administrator.weakness();
    if (weakness != null) {
      throw new IllegalStateException("Refusing to start in production: " + weakness);
    }
  }
}
