package org.childprotection.engine;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps every exception a task listener throws in its own (ENGINE-03051), which its
 * REST API answers with a 500 and the engine's words. A {@link StepRefused} anywhere among a
 * failed command's causes is thrown as it is instead, so that the caller gets the 400 and the
 * reason. Only the outermost command unwraps.
 */
class RefusalUnwrapping extends CommandInterceptor {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      if (depth[0] == 1) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof StepRefused refused) {
            throw refused;
          }
        }
      }
      throw e;
    } finally {
      depth[0]--;
    }
  }
}
