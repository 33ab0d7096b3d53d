package org.childprotection.discovery;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.childprotection.registry.Children;
import org.childprotection.registry.NameGrams;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Registers a batch of ledger rows in the registry: children known by ID number are updated,
 * the others inserted, in JDBC batches; guardians are added once. Whom the registry knows is
 * asked once per batch, never row by row.
 */
@Repository
class LedgerRegistry {

  private final JdbcTemplate jdbc;
  private final Children children;
  private final NameGrams grams;

  LedgerRegistry(JdbcTemplate jdbc, Children children, NameGrams grams) {
    this.jdbc = jdbc;
    this.children = children;
    this.grams = grams;
  }

  /** Registers the rows; returns the child id of each row, in order, and whether it was known. */
  List<Registered> register(List<LedgerRow> rows) {
    Map<String, Known> known = knownByIdNumber(rows);
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
    Map<String, Known> inserted = knownByIdNumber(inserts);
    Map<Long, String> newNames = new HashMap<>();
    inserts.forEach(row -> newNames.put(inserted.get(row.idNumber()).id(), row.name()));
    grams.newChildrenNamed(newNames);
    Map<Long, String> newerNames = new HashMap<>();
    for (LedgerRow row : updates) {
      Known before = known.get(row.idNumber());
      if (!before.name().equals(row.name())) {
        newerNames.put(before.id(), row.name());
      }
    }
    grams.childrenNamed(newerNames);

    Map<LedgerRow, Registered> withoutIdNumber = registerWithoutIdNumber(rows);
    List<Registered> registered = new ArrayList<>();
    for (LedgerRow row : rows) {
      if (row.idNumber() == null) {
        registered.add(withoutIdNumber.get(row));
      } else if (known.containsKey(row.idNumber())) {
        registered.add(new Registered(known.get(row.idNumber()).id(), true));
      } else {
        registered.add(new Registered(inserted.get(row.idNumber()).id(), false));
      }
    }
    addGuardians(rows, registered);
    return registered;
  }

  /** The child of a row and whether the registry knew them before. */
  record Registered(long childId, boolean known) {}

  /** A child the registry knows, under the name it knows them by. */
  private record Known(long id, String name) {}

  /**
   * Rows without an ID number are the same child as a registered child without one of the same
   * name, birth date (or both unknown) and district; the others are registered one by one (a
   * new child's id comes back from its own insert).
   */
  private Map<LedgerRow, Registered> registerWithoutIdNumber(List<LedgerRow> rows) {
    List<LedgerRow> anonymous = rows.stream().filter(row -> row.idNumber() == null).toList();
    Map<LedgerRow, Registered> registered = new HashMap<>();
    if (anonymous.isEmpty()) {
      return registered;
    }
    record Candidate(long id, String name, LocalDate birthDate, String district) {}
    List<Candidate> candidates = new ArrayList<>();
    selectWhereAny("""
            SELECT id, name, birth_date, district FROM child
            WHERE id_number IS NULL AND name = ANY(?) AND district = ANY(?) ORDER BY id""",
        rs -> {
          candidates.add(new Candidate(rs.getLong(1), rs.getString(2),
              rs.getObject(3, LocalDate.class), rs.getString(4)));
        }, "VARCHAR", anonymous.stream().map(LedgerRow::name).distinct().toArray(),
        anonymous.stream().map(LedgerRow::district).distinct().toArray());
    for (LedgerRow row : anonymous) {
      registered.put(row, candidates.stream()
          .filter(c -> c.name().equals(row.name()) && c.district().equals(row.district())
              && Objects.equals(c.birthDate(), row.birthDate()))
          .findFirst()
          .map(c -> new Registered(c.id(), true))
          .orElseGet(() -> new Registered(children.insert(new Children.Child(0, row.name(),
              row.gender(), row.birthDate(), null, null, row.household(), row.district(),
              row.street(), row.community(), row.address())), false)));
    }
    return registered;
  }

  /** A guardian new to the child is added; a known one (same child, same name) is updated. */
  private void addGuardians(List<LedgerRow> rows, List<Registered> registered) {
    record Guardian(long childId, LedgerRow row) {}
    Set<GuardianOf> existing = guardiansOfKnownChildren(registered);
    List<Guardian> inserts = new ArrayList<>();
    List<Guardian> updates = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LedgerRow row = rows.get(i);
      if (row.guardianName().isEmpty()) {
        continue;
      }
      long childId = registered.get(i).childId();
      (existing.contains(new GuardianOf(childId, row.guardianName())) ? updates : inserts)
          .add(new Guardian(childId, row));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.batchUpdate("INSERT INTO guardian (child_id, name, relation, phone, status, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", inserts, inserts.size(), (ps, guardian) -> {
          ps.setLong(1, guardian.childId());
          ps.setString(2, guardian.row().guardianName());
          ps.setString(3, guardian.row().guardianRelation());
          ps.setString(4, guardian.row().phone());
          ps.setString(5, guardian.row().guardianStatus());
          ps.setObject(6, now);
        });
    jdbc.batchUpdate("UPDATE guardian SET relation = ?, phone = ?, status = ? "
        + "WHERE child_id = ? AND name = ?", updates, updates.size(), (ps, guardian) -> {
          ps.setString(1, guardian.row().guardianRelation());
          ps.setString(2, guardian.row().phone());
          ps.setString(3, guardian.row().guardianStatus());
          ps.setLong(4, guardian.childId());
          ps.setString(5, guardian.row().guardianName());
        });
    grams.guardiansNamed(inserts.stream()
        .map(guardian -> Map.entry(guardian.childId(), guardian.row().guardianName())).toList());
  }

  /** A guardian, by their child and name. */
  private record GuardianOf(long childId, String name) {}

  /** The guardians of the batch's children whom the registry knew before. */
  private Set<GuardianOf> guardiansOfKnownChildren(List<Registered> registered) {
    Object[] ids = registered.stream().filter(Registered::known).map(Registered::childId)
        .distinct().toArray();
    Set<GuardianOf> guardians = new HashSet<>();
    if (ids.length > 0) {
      selectWhereAny("SELECT child_id, name FROM guardian WHERE child_id = ANY(?)", rs -> {
        guardians.add(new GuardianOf(rs.getLong(1), rs.getString(2)));
      }, "BIGINT", ids);
    }
    return guardians;
  }

  private Map<String, Known> knownByIdNumber(List<LedgerRow> rows) {
    Object[] numbers = rows.stream().map(LedgerRow::idNumber).filter(Objects::nonNull)
        .distinct().toArray();
    Map<String, Known> known = new HashMap<>();
    if (numbers.length > 0) {
      selectWhereAny("SELECT id, id_number, name FROM child WHERE id_number = ANY(?)", rs -> {
        known.put(rs.getString(2), new Known(rs.getLong(1), rs.getString(3)));
      }, "VARCHAR", numbers);
    }
    return known;
  }

  /**
   * A look-up of a whole batch: each parameter an array of the values wanted. It is planned
   * anew every time, for the table as it is then: a first ledger fills a nearly empty table, and
   * PostgreSQL would keep the plan it made while the table was small (read all of it) for every
   * batch until its next automatic analysis, a minute or more later.
   */
  private void selectWhereAny(String sql, RowCallbackHandler row, String arrayType,
      Object[]... wanted) {
    jdbc.query(connection -> {
      PreparedStatement select = connection.prepareStatement(sql);
      if (select.isWrapperFor(PGStatement.class)) {
        select.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      for (int i = 0; i < wanted.length; i++) {
        select.setArray(i + 1, connection.createArrayOf(arrayType, wanted[i]));
      }
      return select;
    }, row);
  }
}
