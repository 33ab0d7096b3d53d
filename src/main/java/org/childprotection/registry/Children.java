package org.childprotection.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The children of the registry and their guardians. */
@Repository
public class Children {

  /** A child as the registry knows them. */
  public record Child(long id, String name, String gender, LocalDate birthDate,
      Integer estimatedAge, String idNumber, String household, String district, String street,
      String community, String address) {

    /** The same child under the id the registry gave it. */
    public Child withId(long registeredId) {
      return new Child(registeredId, name, gender, birthDate, estimatedAge, idNumber, household,
          district, street, community, address);
    }
  }

  /** A guardian of a child. */
  public record Guardian(String name, String relation, String phone, String status) {}

  private final JdbcClient jdbc;
  private final NameGrams grams;

  public Children(JdbcClient jdbc, NameGrams grams) {
    this.jdbc = jdbc;
    this.grams = grams;
  }

  public Optional<Child> byIdNumber(String idNumber) {
    return jdbc.sql("SELECT * FROM child WHERE id_number = ?").param(idNumber)
        .query(RecordRowMapper.of(Child.class)).optional();
  }

  /** Without an ID number, the same name, birth date (or both unknown) and district. */
  public Optional<Child> byNameAndBirth(String name, LocalDate birthDate, String district) {
    return jdbc.sql("""
            SELECT * FROM child WHERE id_number IS NULL AND name = ? AND district = ?
              AND (birth_date = ? OR (birth_date IS NULL AND CAST(? AS DATE) IS NULL))
            ORDER BY id""")
        .params(name, district, birthDate, birthDate)
        .query(RecordRowMapper.of(Child.class)).list().stream().findFirst();
  }

  public Child byId(long id) {
    return jdbc.sql("SELECT * FROM child WHERE id = ?").param(id)
        .query(RecordRowMapper.of(Child.class)).single();
  }

  public long insert(Child child) {
    KeyHolder key = new GeneratedKeyHolder();
    OffsetDateTime now = now();
    jdbc.sql("""
            INSERT INTO child (name, gender, birth_date, estimated_age, id_number, household,
              district, street, community, address, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(child.name(), child.gender(), child.birthDate(), child.estimatedAge(),
            child.idNumber(), child.household(), child.district(), child.street(),
            child.community(), child.address(), now, now)
        .update(key, "id");
    long id = key.getKey().longValue();
    grams.childNamed(id, child.name());
    return id;
  }

  public void addGuardian(long childId, Guardian guardian) {
    jdbc.sql("""
            INSERT INTO guardian (child_id, name, relation, phone, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(childId, guardian.name(), guardian.relation(), guardian.phone(),
            guardian.status(), now())
        .update();
    grams.guardiansNamed(List.of(Map.entry(childId, guardian.name())));
  }

  public List<Guardian> guardians(long childId) {
    return jdbc.sql("SELECT name, relation, phone, status FROM guardian WHERE child_id = ? "
            + "ORDER BY id").param(childId).query(RecordRowMapper.of(Guardian.class)).list();
  }

  static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
  }
}
