package org.childprotection.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's triggers that keep MP_TASK_OFFER (migration V17): after an insert into
 * ACT_RU_IDENTITYLINK, a candidate-group link of a task becomes an offer with the task's due
 * date and whether it is assigned; after an update of ACT_RU_TASK that changes either, the
 * task's offers get them.
 * PostgreSQL runs the same two in PL/pgSQL (V17). Both run in the transaction of the change.
 */
public final class TaskOffersTrigger implements Trigger {

  /** A link that is an offer, as the engine's query of a group's tasks reads it (alias I). */
  public static final String OFFER_CONDITION =
      "I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL AND I.TASK_ID_ IS NOT NULL";

  /**
   * The statement that adds offers: for each link (its id and group as {@code linkId} and
   * {@code groupId}), the task T that {@code tasks} selects, with its due date and assignment.
   * One text for the migration's copy, PostgreSQL's trigger and H2's.
   */
  public static String addingOffers(String linkId, String groupId, String tasks) {
    return "INSERT INTO MP_TASK_OFFER (LINK_ID_, GROUP_ID_, TASK_ID_, DUE_DATE_, ASSIGNED_) "
        + "SELECT " + linkId + ", " + groupId + ", T.ID_, T.DUE_DATE_, T.ASSIGNEE_ IS NOT NULL "
        + "FROM ACT_RU_TASK T " + tasks;
  }

  private boolean onLinks;
  /** The row's columns by name, as H2 passes them: in the table's order. */
  private final Map<String, Integer> columns = new HashMap<>();

  @Override
  public void init(Connection connection, String schema, String trigger, String table,
      boolean before, int type) throws SQLException {
    onLinks = table.equalsIgnoreCase("ACT_RU_IDENTITYLINK");
    try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, null)) {
      while (rows.next()) {
        columns.put(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
            rows.getInt("ORDINAL_POSITION") - 1);
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
    if (onLinks) {
      if ("candidate".equals(value(after, "TYPE_")) && value(after, "GROUP_ID_") != null
          && value(after, "TASK_ID_") != null) {
        offered(connection, after);
      }
    } else if (before != null && after != null
        && (!Objects.equals(value(before, "DUE_DATE_"), value(after, "DUE_DATE_"))
            || assigned(before) != assigned(after))) {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE MP_TASK_OFFER SET DUE_DATE_ = ?, ASSIGNED_ = ? WHERE TASK_ID_ = ?")) {
        update.setObject(1, value(after, "DUE_DATE_"));
        update.setBoolean(2, assigned(after));
        update.setObject(3, value(after, "ID_"));
        update.executeUpdate();
      }
    }
  }

  private void offered(Connection connection, Object[] link) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(addingOffers("?", "?", "WHERE T.ID_ = ?"))) {
      insert.setObject(1, value(link, "ID_"));
      insert.setObject(2, value(link, "GROUP_ID_"));
      insert.setObject(3, value(link, "TASK_ID_"));
      insert.executeUpdate();
    }
  }

  private boolean assigned(Object[] task) {
    return value(task, "ASSIGNEE_") != null;
  }

  private Object value(Object[] row, String column) {
    return row[columns.get(column)];
  }
}
