package org.childprotection.registry;

import java.sql.DatabaseMetaData;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers that start again every year: case numbers (NJ-2026-000001) and court application
 * numbers (SQ-2026-00001). Each kind and year is a database sequence of its own, so taking a
 * number locks nothing: concurrent reports never wait for one another, on one node or several.
 * A number taken by a transaction that then fails stays unused, a gap, never a repeat.
 *
 * <p>A year's sequence is created when its first number is wanted, in a short transaction of
 * its own (on H2 a CREATE would commit the caller's transaction), and starts after the last
 * number of the counter table that kept the year's numbers before; that table is no longer
 * written.
 */
@Component
public class YearlyNumbers {

  /** A kind of yearly number: its sequences' name prefix and the counter table it replaces. */
  public enum Kind {
    CASE("case_number", "case_number_counter", "case_year"),
    COURT_APPLICATION("court_application_number", "court_application_counter",
        "application_year");

    private final String sequencePrefix;
    private final String counterTable;
    private final String counterYearColumn;

    Kind(String sequencePrefix, String counterTable, String counterYearColumn) {
      this.sequencePrefix = sequencePrefix;
      this.counterTable = counterTable;
      this.counterYearColumn = counterYearColumn;
    }

    String sequence(int year) {
      if (year < 2000 || year > 9999) {
        throw new IllegalArgumentException("year out of range: " + year);
      }
      return sequencePrefix + "_" + year;
    }
  }

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate ownTransaction;
  private final Set<String> existing = ConcurrentHashMap.newKeySet();
  private volatile Boolean postgres;

  public YearlyNumbers(JdbcClient jdbc, DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number of the kind in the year, within the caller's transaction. */
  public long next(Kind kind, int year) {
    String sequence = prepare(kind, year);
    String sql = isPostgres() ? "SELECT nextval('" + sequence + "')"
        : "SELECT NEXT VALUE FOR " + sequence;
    return jdbc.sql(sql).query(Long.class).single();
  }

  /**
   * Makes sure the year's sequence exists. Callers that are about to open a transaction call it
   * first, so that a new year's first number does not need a second connection.
   *
   * @return the sequence's name
   */
  public String prepare(Kind kind, int year) {
    String sequence = kind.sequence(year);
    if (!existing.contains(sequence)) {
      try {
        ownTransaction.executeWithoutResult(status -> create(kind, year, sequence));
      } catch (DataAccessException raced) {
        // Another node created it at the same moment (PostgreSQL can report that as a
        // duplicate key of its catalogue).
        if (!Boolean.TRUE.equals(ownTransaction.execute(status -> exists(sequence)))) {
          throw raced;
        }
      }
      existing.add(sequence);
    }
    return sequence;
  }

  private void create(Kind kind, int year, String sequence) {
    if (exists(sequence)) {
      return;
    }
    long start = jdbc.sql("SELECT COALESCE(MAX(last_number), 0) FROM " + kind.counterTable
            + " WHERE " + kind.counterYearColumn + " = ?")
        .param(year).query(Long.class).single() + 1;
    jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH " + start).update();
  }

  private boolean exists(String sequence) {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.sequences "
            + "WHERE LOWER(sequence_name) = ?")
        .param(sequence).query(Long.class).single() > 0;
  }

  private boolean isPostgres() {
    if (postgres == null) {
      try {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource,
            DatabaseMetaData::getDatabaseProductName);
        postgres = product.toLowerCase().contains("postgres");
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("cannot tell the database's kind", e);
      }
    }
    return postgres;
  }
}
