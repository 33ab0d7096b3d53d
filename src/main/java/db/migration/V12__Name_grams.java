package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.childprotection.registry.NameGrams;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The name index of the case search ({@link NameGrams}): its table, and the pieces of every
 * child's and guardian's name already registered. In Java because cutting names into
 * characters is not the same SQL on H2 and PostgreSQL.
 */
public class V12__Name_grams extends BaseJavaMigration {

  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE name_gram (gram VARCHAR(8) NOT NULL, "
          + "owner_kind CHAR(1) NOT NULL, owner_id BIGINT NOT NULL)");
      ddl.execute("CREATE INDEX IX_NAME_GRAM_LOOKUP ON name_gram (gram, owner_kind, owner_id)");
      ddl.execute("CREATE INDEX IX_NAME_GRAM_OWNER ON name_gram (owner_id, owner_kind)");
    }
    backfill(connection, "SELECT id, name FROM child", NameGrams.CHILD);
    backfill(connection, "SELECT child_id, name FROM guardian", NameGrams.GUARDIAN);
  }

  private static void backfill(Connection connection, String names, String kind)
      throws Exception {
    try (Statement read = connection.createStatement();
        ResultSet rows = read.executeQuery(names);
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO name_gram (gram, owner_kind, owner_id) VALUES (?, ?, ?)")) {
      int pending = 0;
      while (rows.next()) {
        for (String gram : NameGrams.of(rows.getString(2))) {
          insert.setString(1, gram);
          insert.setString(2, kind);
          insert.setLong(3, rows.getLong(1));
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }
}
