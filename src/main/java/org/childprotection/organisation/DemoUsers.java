package org.childprotection.organisation;

import static org.childprotection.organisation.OrganisationSetup.ensureMembership;
import static org.childprotection.organisation.OrganisationSetup.inOneCommand;
import static org.childprotection.organisation.OrganisationSetup.ensureUser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The quick start's people (SPEC section 2): one user per member unit and the social workers of
 * 鼓楼 and 栖霞. Each password equals the user id. Only in the demo profile.
 */
@Component
@Profile("demo")
public class DemoUsers implements InitializingBean {

  /** The demo profile's administrator (application-demo.yaml), created by OrganisationSetup. */
  static final String DEMO_ADMINISTRATOR = "demo";

  private final ProcessEngine engine;
  private final IdentityService identity;

  public DemoUsers(ProcessEngine engine, OrganisationSetup organisation) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
  }

  /** User id to group id. */
  public static Map<String, String> users() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("center", MemberUnit.PROTECTION_CENTER.groupId());
    users.put("supervisor", MemberUnit.CIVIL_AFFAIRS.groupId());
    users.put("gulou", District.GULOU.groupId());
    users.put("qixia", District.QIXIA.groupId());
    for (MemberUnit unit : MemberUnit.values()) {
      if (unit != MemberUnit.PROTECTION_CENTER && unit != MemberUnit.CIVIL_AFFAIRS) {
        users.put(unit.groupId(), unit.groupId());
      }
    }
    return users;
  }

  /** In one engine command, as the organisation. */
  @Override
  public void afterPropertiesSet() {
    inOneCommand(engine, () -> users().forEach((userId, groupId) -> {
      String unitName = MemberUnit.ofGroupId(groupId).map(MemberUnit::chineseName)
          .orElseGet(() -> District.ofCode(groupId.substring("district-".length()))
              .map(d -> d.chineseName() + "社工").orElseThrow());
      ensureUser(identity, userId, userId, "演示", unitName);
      ensureMembership(identity, userId, groupId);
    }));
  }
}
