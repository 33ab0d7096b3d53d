package org.childprotection.engine;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.childprotection.api.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed engine command in place of the engine's own log (ENGINE-16004, switched off in
 * {@link PlatformEnginePlugin}), which prints the exception's message: a message can quote personal
 * data, such as a database refusal quoting the row or a delegate quoting a form value. Here the
 * command, the exception classes and where it failed; the caller still gets the exception, and a
 * failed job keeps its message in its incident. Only the outermost command of a thread is
 * logged, as the engine does.
 *
 * <p>The outermost command also unwraps a {@link StepRefused}: the engine wraps every exception
 * a task listener throws in its own (ENGINE-03051), which its REST API answers with a 500 and
 * the engine's words; a refusal found among the causes is thrown as it is, so that the caller
 * gets the 400 and the reason.
 */
class CommandFailureLog extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CommandFailureLog.class);
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return next.execute(command);
    } catch (RuntimeException | Error e) {
      if (depth[0] == 1) {
        LOG.warn("Engine command {} failed: {}", command.getClass().getSimpleName(),
            Failures.describe(e, CommandFailureLog.class));
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
