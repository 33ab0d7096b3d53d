package org.childprotection.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrganisationSetupTest extends PlatformTest {

  @Autowired
  OrganisationSetup organisation;

  @Autowired
  DemoUsers demoUsers;

  @Test
  void everyDistrictIsATenantWithItsChineseName() {
    List<Tenant> tenants = identity().createTenantQuery().orderByTenantId().asc().list();
    assertThat(tenants).extracting(Tenant::getId).containsExactlyInAnyOrder(
        "xuanwu", "qinhuai", "jianye", "gulou", "pukou", "qixia", "yuhuatai", "jiangning",
        "luhe", "lishui", "gaochun");
    assertThat(identity().createTenantQuery().tenantId("gulou").singleResult().getName())
        .isEqualTo("鼓楼区");
  }

  /** A database set up before the names were Chinese gets them at the next start. */
  @Test
  void theSetupGivesTenantsAndGroupsTheirChineseNames() {
    Tenant tenant = identity().createTenantQuery().tenantId("qixia").singleResult();
    tenant.setName("qixia");
    identity().saveTenant(tenant);
    Group group = identity().createGroupQuery().groupId("district-qixia").singleResult();
    group.setName("district-qixia");
    identity().saveGroup(group);
    Group unit = identity().createGroupQuery().groupId("education").singleResult();
    unit.setName("education");
    identity().saveGroup(unit);

    organisation.afterPropertiesSet();

    assertThat(identity().createTenantQuery().tenantId("qixia").singleResult().getName())
        .isEqualTo("栖霞区");
    assertThat(identity().createGroupQuery().groupId("district-qixia").singleResult().getName())
        .isEqualTo("栖霞区民政/社工");
    assertThat(identity().createGroupQuery().groupId("education").singleResult().getName())
        .isEqualTo("市教育局");
  }

  @Test
  void theHistoryGrantsNameEveryProcessOfTheModels() {
    List<String> platformProcesses = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName("minor-protection-platform").list().stream()
        .flatMap(deployment -> engine.getRepositoryService().createProcessDefinitionQuery()
            .deploymentId(deployment.getId()).list().stream())
        .map(definition -> definition.getKey()).distinct().toList();
    assertThat(OrganisationSetup.PROCESSES).containsExactlyInAnyOrderElementsOf(platformProcesses);
  }

  @Test
  void everyMemberUnitAndDistrictHasItsGroup() {
    List<String> groups = identity().createGroupQuery().list().stream().map(Group::getId).toList();
    assertThat(groups).contains(
        "protection-center", "civil-affairs", "police", "procuratorate", "court", "education",
        "health", "housing", "hrss", "justice", "finance", "population", "youth-league",
        "womens-federation", "disabled-federation", Groups.CAMUNDA_ADMIN);
    for (District district : District.values()) {
      assertThat(groups).contains("district-" + district.code());
    }
  }

  @Test
  void aDistrictGroupBelongsToItsOwnTenantOnlyWhileCityUnitsBelongToAll() {
    assertThat(identity().createTenantQuery().groupMember("district-gulou").list())
        .extracting(Tenant::getId).containsExactly("gulou");
    assertThat(identity().createTenantQuery().groupMember("police").count()).isEqualTo(11);
    assertThat(identity().createTenantQuery().userMember("qixia").includingGroupsOfUser(true)
        .list()).extracting(Tenant::getId).containsExactly("qixia");
  }

  @Test
  void theDemoUsersExistWithTheirUnitsAndPasswords() {
    assertThat(identity().checkPassword("demo", "demo")).isTrue();
    assertThat(identity().createUserQuery().userId("demo").memberOfGroup(Groups.CAMUNDA_ADMIN)
        .count()).isEqualTo(1);
    assertThat(memberOf("center")).containsExactly("protection-center");
    assertThat(memberOf("supervisor")).containsExactly("civil-affairs");
    assertThat(memberOf("gulou")).containsExactly("district-gulou");
    assertThat(memberOf("qixia")).containsExactly("district-qixia");
    for (String unitUser : List.of("police", "court", "procuratorate", "education", "health",
        "housing", "hrss", "justice", "finance", "population", "youth-league",
        "womens-federation", "disabled-federation")) {
      assertThat(identity().checkPassword(unitUser, unitUser)).as(unitUser).isTrue();
      assertThat(memberOf(unitUser)).containsExactly(unitUser);
    }
  }

  @Test
  void runningTheSetupAgainChangesNothing() {
    long users = identity().createUserQuery().count();
    long groups = identity().createGroupQuery().count();
    long tenants = identity().createTenantQuery().count();
    long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();

    organisation.afterPropertiesSet();
    demoUsers.afterPropertiesSet();

    assertThat(identity().createUserQuery().count()).isEqualTo(users);
    assertThat(identity().createGroupQuery().count()).isEqualTo(groups);
    assertThat(identity().createTenantQuery().count()).isEqualTo(tenants);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count())
        .isEqualTo(authorizations);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void tasklistOffersChineseFilters() {
    assertThat(engine.getFilterService().createTaskFilterQuery().list())
        .extracting(f -> f.getName())
        .contains("我的任务", "本组待办", "全部任务");
  }

  private List<String> memberOf(String userId) {
    return identity().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
  }

  private IdentityService identity() {
    return engine.getIdentityService();
  }
}
