package org.childprotection.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.childprotection.api.RefusedException;
import org.childprotection.api.TextChecks;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.CaseAccess.View;
import org.childprotection.registry.Cases.Case;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/cases?q=}: open and closed cases by case number (exact or prefix), the child's
 * name (anywhere in it), ID number (exact), a guardian's name (anywhere) or phone (exact), among
 * the cases the caller may read ({@link CaseAccess} decides each), newest first.
 */
@Service
public class CaseSearch {

  public static final int MAX_QUERY = 50;
  public static final int MAX_RESULTS = 50;
  /** Candidates read before the access check; a unit's own cases are filtered in SQL first. */
  private static final int CANDIDATES = 200;

  /** One case found. The ID number is masked, and absent for units. */
  public record Found(String caseNumber, String status, String district, String districtName,
      String childName, @JsonInclude(JsonInclude.Include.NON_NULL) String idNumber,
      OffsetDateTime openedAt, String riskLevel, String riskLevelName) {}

  private record Row(Case found, String childName, String idNumber) {}

  private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
  private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 -]*");

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final CaseAccess access;

  public CaseSearch(JdbcClient jdbc, IdentityService identity, CaseAccess access) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public List<Found> search(String query) {
    String q = query == null ? "" : query.trim();
    if (q.isEmpty() || q.codePointCount(0, q.length()) > MAX_QUERY) {
      throw RefusedException.badRequest("q", "查询内容须为 1 至 " + MAX_QUERY + " 个字符");
    }
    if (TextChecks.hasControlCharacters(q)) {
      throw RefusedException.badRequest("q", TextChecks.CONTROL_CHARACTER_MESSAGE);
    }
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    params.put("limit", CANDIDATES);
    String scope = scope(caller, params);
    if (scope == null) {
      return List.of();
    }
    List<Row> rows = jdbc.sql("SELECT c.*, ch.name AS child_name, ch.id_number AS child_id_number"
            + " FROM protection_case c JOIN child ch ON ch.id = c.child_id WHERE c.id IN ("
            + String.join(" UNION ", branches(q, scope, params))
            + ") ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit")
        .params(params)
        .query((rs, n) -> new Row(new Case(rs.getLong("id"), rs.getString("case_number"),
            rs.getLong("child_id"), rs.getString("district"), rs.getString("status"),
            rs.getString("categories"), rs.getBoolean("urgent"),
            rs.getBoolean("immediate_danger"), rs.getString("risk_level"),
            rs.getString("process_instance_id"),
            rs.getObject("opened_at", OffsetDateTime.class),
            rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closure_reason"),
            rs.getString("closure_note"), rs.getObject("triaged_at", OffsetDateTime.class)),
            rs.getString("child_name"), rs.getString("child_id_number")))
        .list();
    Map<Long, View> views = access.viewsOf(rows.stream().map(Row::found).toList());
    List<Found> found = new ArrayList<>();
    for (Row row : rows) {
      View view = views.get(row.found().id());
      if (view == null) {
        continue;
      }
      Case c = row.found();
      boolean unit = view == View.UNIT;
      found.add(new Found(c.caseNumber(), c.status(), c.district(),
          Vocabulary.district(c.district()),
          unit ? Masking.name(row.childName()) : row.childName(),
          unit ? null : Masking.idNumber(row.idNumber()), c.openedAt(), c.riskLevel(),
          RiskLevel.chineseNameOf(c.riskLevel())));
      if (found.size() == MAX_RESULTS) {
        break;
      }
    }
    return found;
  }

  /**
   * One subquery per key the text can be: a case number (letters, digits and hyphens), an ID
   * number (18 characters), a phone (digits and separators), a name (anything but a number).
   * Each reads only what it needs: the unique keys and the phone index for exact matches, the
   * caller's cases for names. A name without letters of two cases (Chinese) is matched without
   * lower-casing every stored name.
   */
  private static List<String> branches(String q, String scope, Map<String, Object> params) {
    List<String> branches = new ArrayList<>();
    String upper = q.toUpperCase(Locale.ROOT);
    if (CASE_NUMBER.matcher(q).matches()) {
      params.put("exact", upper);
      params.put("prefix", like(upper) + "%");
      branches.add("SELECT c.id FROM protection_case c WHERE (c.case_number = :exact"
          + " OR c.case_number LIKE :prefix ESCAPE '\\')" + scope);
    }
    if (ID_NUMBER.matcher(q).matches()) {
      params.put("idNumber", upper);
      branches.add("SELECT c.id FROM child x JOIN protection_case c ON c.child_id = x.id"
          + " WHERE x.id_number = :idNumber" + scope);
    }
    if (PHONE.matcher(q).matches()) {
      params.put("phone", q);
      branches.add("SELECT c.id FROM guardian g JOIN protection_case c"
          + " ON c.child_id = g.child_id WHERE g.phone = :phone" + scope);
    }
    if (!PHONE.matcher(q).matches() && !ID_NUMBER.matcher(q).matches()) {
      String gram = NameGrams.lookupGram(q);
      if (gram != null) {
        boolean cased = !q.toLowerCase(Locale.ROOT).equals(upper);
        params.put("anywhere", "%" + like(cased ? q.toLowerCase(Locale.ROOT) : q) + "%");
        params.put("gram", gram);
        String child = cased ? "LOWER(x.name)" : "x.name";
        String guardian = cased ? "LOWER(g.name)" : "g.name";
        // One piece of the name through the index (NameGrams), the whole part on what it finds.
        branches.add("SELECT c.id FROM name_gram n JOIN child x ON x.id = n.owner_id"
            + " JOIN protection_case c ON c.child_id = x.id WHERE n.gram = :gram"
            + " AND n.owner_kind = 'C' AND " + child + " LIKE :anywhere ESCAPE '\\'" + scope);
        branches.add("SELECT c.id FROM name_gram n JOIN guardian g ON g.child_id = n.owner_id"
            + " JOIN protection_case c ON c.child_id = g.child_id WHERE n.gram = :gram"
            + " AND n.owner_kind = 'G' AND " + guardian + " LIKE :anywhere ESCAPE '\\'"
            + scope);
      }
    }
    return branches;
  }

  /**
   * The part of the query that keeps to the caller's cases before the access check: all for
   * supervisors and administrators, a district's cases for its staff, for a member unit the
   * cases whose tasks were offered to it or assigned to the caller. Null: none at all.
   */
  private static String scope(Authentication caller, Map<String, Object> params) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().anyMatch(g -> Groups.CAMUNDA_ADMIN.equals(g)
        || MemberUnit.ofGroupId(g).map(MemberUnit::supervising).orElse(false))) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    List<String> districts = java.util.Arrays.stream(District.values())
        .filter(d -> groups.contains(d.groupId())).map(District::code).toList();
    if (!districts.isEmpty()) {
      params.put("districts", districts);
      parts.add("c.district IN (:districts)");
    }
    List<String> units = groups.stream()
        .filter(g -> MemberUnit.ofGroupId(g).map(u -> !u.supervising()).orElse(false))
        .toList();
    if (!units.isEmpty()) {
      params.put("units", units);
      params.put("user", caller.getUserId());
      parts.add("""
          c.process_instance_id IN (
            SELECT l.ROOT_PROC_INST_ID_ FROM ACT_HI_IDENTITYLINK l
              WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IN (:units)
            UNION SELECT t.ROOT_PROC_INST_ID_ FROM ACT_HI_TASKINST t WHERE t.ASSIGNEE_ = :user)""");
    }
    return parts.isEmpty() ? null : " AND (" + String.join(" OR ", parts) + ")";
  }

  /** The text as a LIKE pattern matches it literally. */
  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
