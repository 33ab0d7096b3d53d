package org.childprotection.discovery;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.childprotection.registry.Children;
import org.childprotection.registry.NameGrams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Registers a batch of ledger rows in the registry: children known by ID number are updated,
 * the others inserted, in JDBC batches; guardians are added once.
 */
@Repository
class LedgerRegistry {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Children children;
  private final NameGrams grams;

  LedgerRegistry(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Children children,
      NameGrams grams) {
    this.jdbc = jdbc;
    this.named = named;
    this.children = children;
    this.grams = grams;
  }

  /** Registers the rows; returns the child id of each row, in order, and whether it was known. */
  List<Registered> register(List<LedgerRow> rows) {
    Map<String, Long> known = knownIds(rows);
    List<LedgerRow> inserts = new ArrayList<>();
    List<LedgerRow> updates = new ArrayList<>();
    for (LedgerRow row : rows) {
      if (row.idNumber() == null) {
        continue;
      }
      (known.containsKey(row.idNumber()) ? updates : inserts).add(row);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.batchUpdate("""
            INSERT INTO child (name, gender, birth_date, estimated_age, id_number, household,
              district, street, community, address, created_at, updated_at)
            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, inserts.size(),
        (ps, row) -> {
          ps.setString(1, row.name());
          ps.setString(2, row.gender());
          ps.setDate(3, row.birthDate() == null ? null : Date.valueOf(row.birthDate()));
          ps.setString(4, row.idNumber());
          ps.setString(5, row.household());
          ps.setString(6, row.district());
          ps.setString(7, row.street());
          ps.setString(8, row.community());
          ps.setString(9, row.address());
          ps.setObject(10, now);
          ps.setObject(11, now);
        });
    jdbc.batchUpdate("""
            UPDATE child SET name = ?, gender = ?, birth_date = ?, household = ?, district = ?,
              street = ?, community = ?, address = ?, updated_at = ? WHERE id_number = ?""",
        updates, updates.size(), (ps, row) -> {
          ps.setString(1, row.name());
          ps.setString(2, row.gender());
          ps.setDate(3, row.birthDate() == null ? null : Date.valueOf(row.birthDate()));
          ps.setString(4, row.household());
          ps.setString(5, row.district());
          ps.setString(6, row.street());
          ps.setString(7, row.community());
          ps.setString(8, row.address());
          ps.setObject(9, now);
          ps.setString(10, row.idNumber());
        });
    Map<String, Long> ids = knownIds(rows);
    Map<Long, String> names = new HashMap<>();
    for (LedgerRow row : rows) {
      if (row.idNumber() != null) {
        names.put(ids.get(row.idNumber()), row.name());
      }
    }
    grams.childrenNamed(names);
    List<Registered> registered = new ArrayList<>();
    for (LedgerRow row : rows) {
      if (row.idNumber() != null) {
        registered.add(new Registered(ids.get(row.idNumber()), known.containsKey(row.idNumber())));
      } else {
        registered.add(registerWithoutIdNumber(row));
      }
    }
    addGuardians(rows, registered);
    return registered;
  }

  /** The child of a row and whether the registry knew them before. */
  record Registered(long childId, boolean known) {}

  private Registered registerWithoutIdNumber(LedgerRow row) {
    Optional<Children.Child> known =
        children.byNameAndBirth(row.name(), row.birthDate(), row.district());
    if (known.isPresent()) {
      return new Registered(known.get().id(), true);
    }
    return new Registered(children.insert(new Children.Child(0, row.name(), row.gender(),
        row.birthDate(), null, null, row.household(), row.district(), row.street(),
        row.community(), row.address())), false);
  }

  private void addGuardians(List<LedgerRow> rows, List<Registered> registered) {
    List<Object[]> guardians = new ArrayList<>();
    List<Map.Entry<Long, String>> guardianNames = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < rows.size(); i++) {
      LedgerRow row = rows.get(i);
      if (row.guardianName().isEmpty()) {
        continue;
      }
      long childId = registered.get(i).childId();
      Integer existing = jdbc.queryForObject(
          "SELECT COUNT(*) FROM guardian WHERE child_id = ? AND name = ?", Integer.class,
          childId, row.guardianName());
      if (existing == null || existing == 0) {
        guardians.add(new Object[] {childId, row.guardianName(), row.guardianRelation(),
            row.phone(), row.guardianStatus(), now});
        guardianNames.add(Map.entry(childId, row.guardianName()));
      } else {
        jdbc.update("UPDATE guardian SET relation = ?, phone = ?, status = ? "
                + "WHERE child_id = ? AND name = ?", row.guardianRelation(), row.phone(),
            row.guardianStatus(), childId, row.guardianName());
      }
    }
    jdbc.batchUpdate("INSERT INTO guardian (child_id, name, relation, phone, status, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", guardians);
    grams.guardiansNamed(guardianNames);
  }

  private Map<String, Long> knownIds(List<LedgerRow> rows) {
    List<String> numbers = rows.stream().map(LedgerRow::idNumber)
        .filter(n -> n != null).distinct().toList();
    Map<String, Long> ids = new HashMap<>();
    if (numbers.isEmpty()) {
      return ids;
    }
    named.query("SELECT id, id_number FROM child WHERE id_number IN (:numbers)",
        new MapSqlParameterSource("numbers", numbers),
        rs -> {
          ids.put(rs.getString(2), rs.getLong(1));
        });
    return ids;
  }
}
