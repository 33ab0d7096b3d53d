package org.childprotection.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's writable identity provider, watched: every write to users, groups, tenants or
 * memberships tells the {@link IdentityWriteListener}s, at once and again after its transaction
 * has committed. Every identity command of the engine (Admin, the REST API, our own set-up)
 * writes through this one session, so none can be missed; the second notice covers a reader
 * that read the old rows between the write and the commit.
 */
final class IdentityWrites implements SessionFactory {

  private final SessionFactory engines;
  private final List<IdentityWriteListener> listeners;

  private IdentityWrites(SessionFactory engines, List<IdentityWriteListener> listeners) {
    this.engines = engines;
    this.listeners = listeners;
  }

  /** Watches the engine's writable identity provider (an engine without one has none to watch). */
  static void install(ProcessEngineConfigurationImpl configuration,
      List<IdentityWriteListener> listeners) {
    Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
    SessionFactory engines = factories.get(WritableIdentityProvider.class);
    if (engines != null && !listeners.isEmpty()) {
      factories.put(WritableIdentityProvider.class,
          new IdentityWrites(engines, List.copyOf(listeners)));
    }
  }

  @Override
  public Class<?> getSessionType() {
    return WritableIdentityProvider.class;
  }

  @Override
  public Session openSession() {
    Session provider = engines.openSession();
    return (Session) Proxy.newProxyInstance(WritableIdentityProvider.class.getClassLoader(),
        new Class<?>[] {WritableIdentityProvider.class},
        (proxy, method, arguments) -> {
          if (isWrite(method)) {
            changed();
            Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> changed());
          }
          try {
            return method.invoke(provider, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /**
   * Every method of the writable provider counts as a write, except the session's own (making a
   * new, unsaved user counts too: a needless notice costs nothing).
   */
  private static boolean isWrite(Method method) {
    return method.getDeclaringClass() == WritableIdentityProvider.class;
  }

  private void changed() {
    listeners.forEach(IdentityWriteListener::identityChanged);
  }
}
