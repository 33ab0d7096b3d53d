package org.childprotection.organisation;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the organisation in the engine at every start, idempotently: one tenant per district,
 * one group per member unit and per district's social workers, which groups belong to which
 * tenants, what each group may do, the Tasklist filters, and the administrator.
 *
 * <p>District groups belong to their own district's tenant only; the member units work at city
 * level and belong to every district's tenant. The engine's tenant check then keeps each
 * district's cases to itself in Tasklist, Cockpit and every API.
 */
@Component
public class OrganisationSetup implements InitializingBean {

  static final String APPLICATION_TASKLIST = "tasklist";
  static final String APPLICATION_COCKPIT = "cockpit";
  /** The process through which a caseworker registers a case in Tasklist. */
  static final String CASE_REGISTRATION = "case-registration";
  /** The process through which 民政局 launches a district's survey in Tasklist. */
  static final String SURVEY_LAUNCH = "survey-launch";
  /** Every process of processes/: whose history the district and supervising groups read. */
  static final List<String> PROCESSES = List.of("child-protection-case",
      "guardianship-transfer", "court-proceedings", "district-survey", CASE_REGISTRATION,
      SURVEY_LAUNCH);
  static final String ADMINISTRATOR_FIRST_NAME = "管理员";
  static final String ADMINISTRATOR_LAST_NAME = "系统";

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationSetup.class);

  private final ProcessEngine engine;
  private final AdministratorProperties administrator;

  public OrganisationSetup(
      ProcessEngine engine, AdministratorProperties administrator, AdministratorGuard guard,
      ProductionAccountsGuard accounts) {
    this.engine = engine;
    this.administrator = administrator;
  }

  /**
   * Runs the setup as one engine command, whose services' calls join it: one transaction, and
   * the rows it makes (about a thousand on a new database) written in a few batches when it
   * ends, instead of a command, a flush and a commit each.
   */
  static void inOneCommand(ProcessEngine engine, Runnable setUp) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(commandContext -> {
          setUp.run();
          return null;
        });
  }

  @Override
  public void afterPropertiesSet() {
    inOneCommand(engine, this::setUp);
    LOG.info("Organisation ready: {} district tenants, {} member units",
        District.values().length, MemberUnit.values().length);
  }

  private void setUp() {
    IdentityService identity = engine.getIdentityService();
    Authorizations authorizations = new Authorizations(engine.getAuthorizationService());
    Map<String, Tenant> tenants = new HashMap<>();
    identity.createTenantQuery().list().forEach(tenant -> tenants.put(tenant.getId(), tenant));
    Map<String, Group> groups = new HashMap<>();
    identity.createGroupQuery().list().forEach(group -> groups.put(group.getId(), group));
    Map<String, Set<String>> groupsOfTenant = new HashMap<>();
    for (District district : District.values()) {
      groupsOfTenant.put(district.tenantId(), identity.createGroupQuery()
          .memberOfTenant(district.tenantId()).list().stream().map(Group::getId)
          .collect(Collectors.toSet()));
    }

    for (District district : District.values()) {
      ensureTenant(identity, tenants.get(district.tenantId()), district.tenantId(),
          district.chineseName());
      ensureGroup(identity, groups.get(district.groupId()), district.groupId(),
          district.groupName(), "DISTRICT");
      ensureTenantGroupMembership(identity, groupsOfTenant, district.tenantId(),
          district.groupId());
      grantCaseworker(authorizations, district.groupId());
    }
    for (MemberUnit unit : MemberUnit.values()) {
      ensureGroup(identity, groups.get(unit.groupId()), unit.groupId(), unit.chineseName(),
          "MEMBER_UNIT");
      for (District district : District.values()) {
        ensureTenantGroupMembership(identity, groupsOfTenant, district.tenantId(),
            unit.groupId());
      }
      grantMemberUnit(authorizations, unit.groupId());
      if (unit.supervising()) {
        grantSupervisor(authorizations, unit.groupId());
      }
    }
    ensureAdministrators(identity, groups.get(Groups.CAMUNDA_ADMIN), authorizations);
    ensureFilters(authorizations);
    authorizations.apply();
    usersReadTheirOwnAccountOnly();
  }

  /**
   * What everybody who works cases needs: Tasklist, registering a case there, seeing who is who.
   * Nobody but an administrator may start the case, guardianship, court or survey processes
   * themselves (no CREATE_INSTANCE on them): cases start through the intake API or the
   * registration process {@value #CASE_REGISTRATION}, whose start form is checked like a
   * report and whose variables never reach the case.
   */
  private void grantMemberUnit(Authorizations authorizations, String groupId) {
    authorizations.grant(groupId, Resources.APPLICATION, APPLICATION_TASKLIST, ACCESS);
    authorizations.grant(groupId, Resources.PROCESS_DEFINITION, "*", READ);
    authorizations.grant(groupId, Resources.PROCESS_DEFINITION, CASE_REGISTRATION,
        READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.grant(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
    authorizations.grant(groupId, Resources.DECISION_DEFINITION, "*", READ);
    authorizations.grant(groupId, Resources.USER, "*", READ);
    authorizations.grant(groupId, Resources.GROUP, "*", READ);
  }

  /**
   * District social workers see every case of their district (the tenant check keeps them
   * there), not only the tasks offered to them.
   */
  private void grantCaseworker(Authorizations authorizations, String groupId) {
    grantMemberUnit(authorizations, groupId);
    authorizations.grant(groupId, Resources.PROCESS_DEFINITION, "*",
        READ_INSTANCE, READ_TASK);
    grantHistory(authorizations, groupId);
    authorizations.grant(groupId, Resources.PROCESS_INSTANCE, "*", READ);
  }

  /**
   * 民政局 and 保护中心 supervise: Cockpit, every case, incidents to retry, any task to take over
   * (claim and complete with its form) or reassign.
   * They may not modify, migrate, restart or change the variables of instances (an
   * administrator's work), nor start any process but a survey launch (civil-affairs).
   */
  private void grantSupervisor(Authorizations authorizations, String groupId) {
    authorizations.grant(groupId, Resources.APPLICATION, APPLICATION_COCKPIT, ACCESS);
    authorizations.grant(groupId, Resources.PROCESS_DEFINITION, "*",
        READ_INSTANCE, READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
    grantHistory(authorizations, groupId);
    authorizations.grant(groupId, Resources.PROCESS_INSTANCE, "*", READ,
        ProcessInstancePermissions.RETRY_JOB);
    if (MemberUnit.CIVIL_AFFAIRS.groupId().equals(groupId)) {
      authorizations.grant(groupId, Resources.PROCESS_DEFINITION, SURVEY_LAUNCH,
          READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    authorizations.grant(groupId, Resources.TASK, "*", READ);
    authorizations.grant(groupId, Resources.DECISION_DEFINITION, "*", READ_HISTORY);
    authorizations.grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
    authorizations.grant(groupId, Resources.DEPLOYMENT, "*", READ);
  }

  /**
   * The history of the platform's processes, granted per process rather than for "*": the
   * engine lets READ_HISTORY on every process definition read the whole user operation log,
   * the administrators' own entries (users, groups, authorizations) included.
   */
  private static void grantHistory(Authorizations authorizations, String groupId) {
    for (String process : PROCESSES) {
      authorizations.grant(groupId, Resources.PROCESS_DEFINITION, process, READ_HISTORY);
    }
  }

  private void ensureAdministrators(IdentityService identity, Group existing,
      Authorizations authorizations) {
    ensureGroup(identity, existing, Groups.CAMUNDA_ADMIN, "系统管理员", Groups.GROUP_TYPE_SYSTEM);
    for (Resource resource : Resources.values()) {
      authorizations.grant(Groups.CAMUNDA_ADMIN, resource, "*", ALL);
    }
    if (!administrator.configured()) {
      LOG.warn("No administrator configured (ADMIN_USER / ADMIN_PASSWORD): Camunda Admin has no user");
      return;
    }
    ensureUser(identity, administrator.userId(), administrator.password(),
        ADMINISTRATOR_FIRST_NAME, ADMINISTRATOR_LAST_NAME);
    ensureMembership(identity, administrator.userId(), Groups.CAMUNDA_ADMIN);
  }

  /**
   * A user may read their own account but not change it: a name is what others see on every task
   * and in the history, so renaming oneself (or putting markup in one's name) is an
   * administrator's business, and so is a new password. The engine gives every new user ALL on
   * their own account ({@link org.childprotection.engine.PlatformAuthorizationProvider} gives
   * READ); accounts made before are brought down to READ here.
   */
  private void usersReadTheirOwnAccountOnly() {
    for (Authorization own : engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.USER).list()) {
      if (own.getUserId() != null && own.getUserId().equals(own.getResourceId())
          && ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) own)
              .getPermissions() != READ.getValue()) {
        ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) own)
            .setPermissions(READ.getValue());
        engine.getAuthorizationService().saveAuthorization(own);
      }
    }
  }

  private void ensureFilters(Authorizations authorizations) {
    FilterService filters = engine.getFilterService();
    TaskQuery mine = engine.getTaskService().createTaskQuery()
        .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
    TaskQuery myGroups = engine.getTaskService().createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc();
    TaskQuery all = engine.getTaskService().createTaskQuery().orderByDueDate().asc();

    List<String> everybody = new ArrayList<>();
    for (District district : District.values()) {
      everybody.add(district.groupId());
    }
    for (MemberUnit unit : MemberUnit.values()) {
      everybody.add(unit.groupId());
    }
    // Supervisors and a district's own social workers see every task they may read (for a
    // district: its cases, from a new report's triage on); the other units their own.
    List<String> seeAll = new ArrayList<>();
    for (MemberUnit unit : MemberUnit.values()) {
      if (unit.supervising()) {
        seeAll.add(unit.groupId());
      }
    }
    for (District district : District.values()) {
      seeAll.add(district.groupId());
    }
    Map<String, Filter> existing = new HashMap<>();
    filters.createTaskFilterQuery().list().forEach(f -> existing.putIfAbsent(f.getName(), f));
    Filter mineFilter = ensureFilter(filters, existing, "我的任务", "已分配给我的任务", -10, mine);
    Filter groupFilter = ensureFilter(filters, existing, "本组待办", "我所在组可认领的任务", -5,
        myGroups);
    Filter allFilter = ensureFilter(filters, existing, "全部任务", "我有权查看的全部任务", 0, all);
    for (String groupId : everybody) {
      authorizations.grant(groupId, Resources.FILTER, mineFilter.getId(), READ);
      authorizations.grant(groupId, Resources.FILTER, groupFilter.getId(), READ);
    }
    for (String groupId : seeAll) {
      authorizations.grant(groupId, Resources.FILTER, allFilter.getId(), READ);
    }
  }

  private static Filter ensureFilter(FilterService filters, Map<String, Filter> existing,
      String name, String description, int priority, TaskQuery query) {
    if (existing.containsKey(name)) {
      return existing.get(name);
    }
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
    return filters.saveFilter(filter);
  }

  /**
   * Creates a user the platform itself brings (the administrator, the demo users) past the
   * engine's password policy, which holds for every password set through Admin or the REST API:
   * the demo users' passwords equal their ids, and in production {@link ProductionAccountsGuard}
   * has held the administrator's password to the policy already.
   */
  static void ensureUser(
      IdentityService identity, String userId, String password, String firstName, String lastName) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identity.newUser(userId);
    user.setPassword(password);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }

  static void ensureMembership(IdentityService identity, String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /**
   * The group, with the name Tasklist shows for a task's groups: a database from before the
   * name changed gets the current one.
   */
  private static void ensureGroup(
      IdentityService identity, Group group, String id, String name, String type) {
    if (group == null) {
      group = identity.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  /** The district's tenant, named as the district (鼓楼区), also in an older database. */
  private static void ensureTenant(IdentityService identity, Tenant tenant, String id,
      String name) {
    if (tenant == null) {
      tenant = identity.newTenant(id);
    } else if (name.equals(tenant.getName())) {
      return;
    }
    tenant.setName(name);
    identity.saveTenant(tenant);
  }

  private static void ensureTenantGroupMembership(IdentityService identity,
      Map<String, Set<String>> groupsOfTenant, String tenantId, String groupId) {
    if (!groupsOfTenant.get(tenantId).contains(groupId)) {
      identity.createTenantGroupMembership(tenantId, groupId);
    }
  }
}
