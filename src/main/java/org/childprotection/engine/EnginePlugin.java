package org.childprotection.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.childprotection.organisation.PlatformAuthorizationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** Engine settings that properties cannot express. */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

  /** Unit ids such as protection-center and district-gulou contain hyphens. */
  static final String IDENTITY_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  private final ApplicationContext context;
  private final boolean variableChangesInHistory;
  private final boolean jobCreationsInHistory;
  private final boolean authorizationQueries;

  public EnginePlugin(ApplicationContext context,
      @Value("${minor-protection.history.variable-changes:false}") boolean variableChanges,
      @Value("${minor-protection.history.job-creations:false}") boolean jobCreations,
      @Value("${minor-protection.authorization.own-queries:true}")
      boolean authorizationQueries) {
    this.context = context;
    this.variableChangesInHistory = variableChanges;
    this.jobCreationsInHistory = jobCreations;
    this.authorizationQueries = authorizationQueries;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new DistrictTenantIdProvider());
    configuration.setResourceAuthorizationProvider(new PlatformAuthorizationProvider());
    configuration.setGeneralResourceWhitelistPattern(IDENTITY_ID_PATTERN);
    configuration.setCustomPreBPMNParseListeners(new ArrayList<>(List.of(
        new TaskCompletionCheck(context))));
    configuration.setExpressionManager(
        new PlatformBeansFirst(context, configuration.getBeans()));
    // Failed commands are logged without their messages, which can quote personal data.
    configuration.setEnableCmdExceptionLogging(false);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(),
            new CommandFailureLog(), new PasswordPolicyRefusal()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
            new CommandFailureLog()));
    if (!variableChangesInHistory || !jobCreationsInHistory) {
      configuration.setEnableDefaultDbHistoryEventHandler(false);
      configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(
          new LeanHistory(variableChangesInHistory, jobCreationsInHistory))));
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSessionFactories().put(DbEntityManager.class,
        new EntityIdCheck(configuration.getIdGenerator()));
    if (authorizationQueries) {
      AuthorizationQueries.install(configuration);
    }
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors,
      CommandInterceptor... added) {
    List<CommandInterceptor> result =
        new ArrayList<>(interceptors == null ? List.of() : interceptors);
    result.addAll(List.of(added));
    return result;
  }
}
