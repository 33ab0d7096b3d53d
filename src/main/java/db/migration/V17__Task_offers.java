package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.childprotection.engine.TaskOffersTrigger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * MP_TASK_OFFER: every offer of an open task to a candidate group, with the task's due date and
 * whether it is assigned, so that a page of a group's unassigned tasks by due date (本组待办)
 * reads that group's offers in order and stops after a page (engine/FewOffersFirst,
 * docs/engine-patches.md). No engine table holds offers in due-date order: the due date and the
 * assignee are on the task, the group on its candidate link.
 *
 * <p>The database keeps the table, in the transaction that changes the engine's rows, whoever
 * writes them (the engine, a REST call, a script): a row per candidate-group link of a task
 * (inserted by a trigger on ACT_RU_IDENTITYLINK, removed with its link by the foreign key), and
 * the task's due date and assignment copied when they change (a trigger on ACT_RU_TASK). The
 * engine's candidate links are never updated in place. PostgreSQL runs the triggers in
 * PL/pgSQL, H2 in {@link TaskOffersTrigger}. The offers already there are copied last, after the
 * triggers exist: on PostgreSQL, creating a trigger waits for the writes under way on its table
 * and holds back new ones until the migration commits.
 */
public class V17__Task_offers extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName()
        .toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE MP_TASK_OFFER ("
          + "LINK_ID_ VARCHAR(64) NOT NULL PRIMARY KEY, "
          + "GROUP_ID_ VARCHAR(255) NOT NULL, "
          + "TASK_ID_ VARCHAR(64) NOT NULL, "
          + "DUE_DATE_ TIMESTAMP, "
          + "ASSIGNED_ BOOLEAN NOT NULL, "
          + "CONSTRAINT MP_FK_TASK_OFFER_LINK FOREIGN KEY (LINK_ID_) "
          + "REFERENCES ACT_RU_IDENTITYLINK (ID_) ON DELETE CASCADE)");
      ddl.execute("CREATE INDEX MP_IDX_TASK_OFFER_GROUP_DUE "
          + "ON MP_TASK_OFFER (GROUP_ID_, ASSIGNED_, DUE_DATE_, TASK_ID_)");
      ddl.execute("CREATE INDEX MP_IDX_TASK_OFFER_TASK ON MP_TASK_OFFER (TASK_ID_)");
      if (postgres) {
        postgresTriggers(ddl);
      } else {
        ddl.execute("CREATE TRIGGER MP_TASK_OFFER_ADDED AFTER INSERT ON ACT_RU_IDENTITYLINK "
            + "FOR EACH ROW CALL '" + TaskOffersTrigger.class.getName() + "'");
        ddl.execute("CREATE TRIGGER MP_TASK_OFFER_CHANGED AFTER UPDATE ON ACT_RU_TASK "
            + "FOR EACH ROW CALL '" + TaskOffersTrigger.class.getName() + "'");
      }
      ddl.execute(TaskOffersTrigger.addingOffers("I.ID_", "I.GROUP_ID_",
          "INNER JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = T.ID_ WHERE "
              + TaskOffersTrigger.OFFER_CONDITION));
    }
  }

  private static void postgresTriggers(Statement ddl) throws Exception {
    ddl.execute("CREATE FUNCTION MP_TASK_OFFER_ADDED() RETURNS trigger LANGUAGE plpgsql AS $$ "
        + "BEGIN "
        + TaskOffersTrigger.addingOffers("NEW.ID_", "NEW.GROUP_ID_", "WHERE T.ID_ = NEW.TASK_ID_")
        + "; "
        + "RETURN NULL; "
        + "END $$");
    ddl.execute("CREATE TRIGGER MP_TASK_OFFER_ADDED AFTER INSERT ON ACT_RU_IDENTITYLINK "
        + "FOR EACH ROW WHEN (" + TaskOffersTrigger.OFFER_CONDITION.replace("I.", "NEW.")
        + ") EXECUTE FUNCTION MP_TASK_OFFER_ADDED()");
    ddl.execute("CREATE FUNCTION MP_TASK_OFFER_CHANGED() RETURNS trigger LANGUAGE plpgsql "
        + "AS $$ "
        + "BEGIN "
        + "UPDATE MP_TASK_OFFER SET DUE_DATE_ = NEW.DUE_DATE_, "
        + "ASSIGNED_ = NEW.ASSIGNEE_ IS NOT NULL WHERE TASK_ID_ = NEW.ID_; "
        + "RETURN NULL; "
        + "END $$");
    ddl.execute("CREATE TRIGGER MP_TASK_OFFER_CHANGED AFTER UPDATE OF DUE_DATE_, ASSIGNEE_ "
        + "ON ACT_RU_TASK FOR EACH ROW WHEN (OLD.DUE_DATE_ IS DISTINCT FROM NEW.DUE_DATE_ "
        + "OR (OLD.ASSIGNEE_ IS NULL) <> (NEW.ASSIGNEE_ IS NULL)) "
        + "EXECUTE FUNCTION MP_TASK_OFFER_CHANGED()");
  }
}
