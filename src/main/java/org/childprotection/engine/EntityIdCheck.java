package org.childprotection.engine;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;

/**
 * The engine's entity manager with its id check made cheap.
 *
 * <p>Before every insert the engine checks that the new row's id is neither null nor "*", and
 * builds the message for that failure first, every time: a string of the whole entity,
 * variable values included, a visible share of the intake's CPU. The check here is the same;
 * the engine's own, message and all, runs only when it fails.
 */
final class EntityIdCheck extends DbEntityManagerFactory {

  EntityIdCheck(IdGenerator idGenerator) {
    super(idGenerator);
  }

  @Override
  public DbEntityManager openSession() {
    PersistenceSession persistence =
        Context.getCommandContext().getSession(PersistenceSession.class);
    return new DbEntityManager(idGenerator, persistence) {
      @Override
      protected void validateId(DbEntity entity) {
        String id = entity.getId();
        if (id == null || "*".equals(id)) {
          super.validateId(entity);
        }
      }
    };
  }
}
