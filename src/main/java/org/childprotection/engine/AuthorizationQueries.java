package org.childprotection.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Three of the engine's statements that read the authorization table, in versions that stay
 * fast when it holds one row per open task (the SQL and why are in
 * {@code AuthorizationQueries.xml}): a task list page (also of the tasks offered to a user's
 * groups), its count, and the groups that hold any authorization, which the engine asks for in
 * every command a user runs.
 *
 * <p>{@link #install} adds them to the engine's MyBatis configuration and points the engine's
 * statement names at them. The static methods are called from the mapping.
 */
public final class AuthorizationQueries {

  static final String MAPPING = "org/childprotection/engine/AuthorizationQueries.xml";
  static final String NAMESPACE = "org.childprotection.engine.AuthorizationQueries";

  /** The engine's statement names, and ours (own names: MyBatis refuses a short name twice). */
  static final Map<String, String> REPLACED = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTasksVisibleToCaller",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".countTasksVisibleToCaller",
      "selectAuthorizedGroupIds", NAMESPACE + ".selectGroupsWithAuthorizations");

  private AuthorizationQueries() {
  }

  /** After the engine has built its MyBatis configuration (a plugin's postInit). */
  public static void install(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!REPLACED.values().stream().allMatch(id -> mybatis.hasStatement(id, false))) {
      try (InputStream mapping = AuthorizationQueries.class.getClassLoader()
          .getResourceAsStream(MAPPING)) {
        if (mapping == null) {
          throw new IllegalStateException(MAPPING + " is not on the classpath");
        }
        new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + MAPPING, e);
      }
    }
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> statements = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    statements.putAll(REPLACED);
    sessions.setStatementMappings(statements);
  }

  /**
   * Whether the task query checks the caller itself: where the engine would join the caller's
   * grants (a user, no revoke authorizations in use, atomic permission checks only).
   */
  public static boolean checksItself(AuthorizationCheck check) {
    // the engine's mapping asks authCheck.shouldPerformAuthorizatioCheck, i.e. this getter
    return check != null
        && check.getShouldPerformAuthorizatioCheck()
        && check.getAuthUserId() != null
        && !check.isRevokeAuthorizationCheckEnabled()
        && check.getPermissionChecks().getCompositeChecks().isEmpty()
        && !check.getPermissionChecks().getAtomicChecks().isEmpty();
  }

  /** What the engine's fragments see once the task query checks the caller itself. */
  public static AuthorizationCheck switchedOff() {
    return new AuthorizationCheck();
  }

  /**
   * Whether the engine's own joins can return a task twice: the identity links (candidate
   * users and groups, involved users) and the variables a page is sorted by.
   */
  public static boolean mayRepeatTasks(TaskQueryImpl query) {
    for (TaskQueryImpl part : query.getQueries()) {
      if (part.getCandidateUser() != null
          || part.getCandidateGroups() != null
          || part.getCandidateGroupLike() != null
          || part.getInvolvedUser() != null
          || Boolean.TRUE.equals(part.isWithCandidateGroups())
          || Boolean.TRUE.equals(part.isWithCandidateUsers())) {
        return true;
      }
    }
    return sortsByRelation(query);
  }

  /**
   * Whether a task can come twice only once per offer to one of the groups asked for: one
   * query (no "or"), candidate groups and no other identity-link criterion, sorted by the
   * task's own columns. The engine joins one row per such offer; a page that keeps only each
   * task's first offer needs no DISTINCT.
   */
  public static boolean repeatsOncePerGroupOffer(TaskQueryImpl query) {
    if (query.getQueries().size() != 1 || sortsByRelation(query)) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    return query.getCandidateUser() == null
        && groups != null && !groups.isEmpty()
        && query.getCandidateGroupLike() == null
        && query.getInvolvedUser() == null
        && !Boolean.TRUE.equals(query.isWithCandidateGroups())
        && !Boolean.TRUE.equals(query.isWithCandidateUsers());
  }

  /**
   * The page's order on the columns of MP_TASK_OFFER (alias OFFER, migration V17), or null when
   * it is sorted by anything other than the due date and the task id: an offer knows no other
   * column of its task. Unsorted, the engine sorts by the task id.
   */
  public static String offerOrder(TaskQueryImpl query) {
    List<QueryOrderingProperty> ordering = query.getOrderingProperties();
    if (ordering == null || ordering.isEmpty()) {
      return "OFFER.TASK_ID_ asc";
    }
    List<String> terms = new ArrayList<>();
    for (QueryOrderingProperty property : ordering) {
      if (property.getRelation() != null || property.getDirection() == null) {
        return null;
      }
      String column = switch (property.getQueryProperty().getName()) {
        case "DUE_DATE_" -> "OFFER.DUE_DATE_";
        case "ID_" -> "OFFER.TASK_ID_";
        default -> null;
      };
      if (column == null) {
        return null;
      }
      terms.add(column + " " + property.getDirection().getName());
    }
    return String.join(", ", terms);
  }

  /** Whether a page is sorted by something the engine joins for it (variables). */
  private static boolean sortsByRelation(TaskQueryImpl query) {
    List<QueryOrderingProperty> ordering = query.getOrderingProperties();
    return ordering != null && ordering.stream().anyMatch(o -> o.getRelation() != null);
  }
}
