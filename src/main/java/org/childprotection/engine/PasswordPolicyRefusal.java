package org.childprotection.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A password that fails the engine's password policy is the caller's mistake: the engine refuses
 * it with a plain {@link ProcessEngineException}, which its REST API (and so Admin) answers
 * with 500. Here it becomes a {@link BadUserRequestException}, a 400 with a message in Chinese.
 * The engine's message is the only way to tell this refusal from other failures of the same
 * command; {@code PasswordPolicyTest} notices when it changes.
 */
class PasswordPolicyRefusal extends CommandInterceptor {

  static final String ENGINE_MESSAGE = "Password does not match policy";
  static final String MESSAGE =
      "密码不符合密码策略：至少10个字符，须含大写字母、小写字母、数字和特殊字符，且不得包含用户名或姓名";

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      if (command instanceof SaveUserCmd && ENGINE_MESSAGE.equals(e.getMessage())) {
        throw new BadUserRequestException(MESSAGE);
      }
      throw e;
    }
  }
}
