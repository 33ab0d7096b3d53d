package org.childprotection.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.childprotection.notification.NotificationDeliveries;
import org.childprotection.notification.NotificationPolicy;
import org.childprotection.notification.NotificationSender;
import org.childprotection.process.EngineTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Everything the platform changes inside the engine, installed in one place; each patch, what it
 * reaches into, why, and how to turn it off, is in {@value #PATCHES_DOCUMENT}.
 *
 * <p>Most patches depend on the engine's internals ({@code org.camunda.bpm.engine.impl}, its
 * MyBatis statement ids), which change between versions without notice. So before installing
 * anything the plugin refuses an engine of another version than the one the patches were
 * checked against ({@value #PATCHED_FOR}): after an upgrade somebody checks them, then moves
 * that setting on.
 */
@Component
public class PlatformEnginePlugin extends AbstractProcessEnginePlugin {

  static final String PATCHED_FOR = "minor-protection.engine.patched-for";
  static final String PATCHES_DOCUMENT = "docs/engine-patches.md";

  /** Unit ids such as protection-center and district-gulou contain hyphens. */
  static final String IDENTITY_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  private final ApplicationContext context;
  private final String patchedFor;
  private final boolean variableChangesInHistory;
  private final boolean jobCreationsInHistory;
  private final List<String> variablesNotKept;
  private final boolean gatewaysInHistory;
  private final boolean authorizationQueries;
  private final boolean entityIdCheck;
  private final boolean passwordPolicyRefusal;
  private final long largeTaskCountFrom;
  private final Duration rememberLargeTaskCountsFor;
  private final long readOffersFirstBelow;
  private final Duration rememberOfferCountsFor;
  private final Duration rememberDefinitionsFor;

  public PlatformEnginePlugin(ApplicationContext context,
      @Value("${" + PATCHED_FOR + "}") String patchedFor,
      @Value("${minor-protection.history.variable-changes:false}") boolean variableChanges,
      @Value("${minor-protection.history.job-creations:false}") boolean jobCreations,
      @Value("${minor-protection.history.variables-not-kept:}") List<String> variablesNotKept,
      @Value("${minor-protection.history.gateways:true}") boolean gateways,
      @Value("${minor-protection.authorization.own-queries:true}") boolean authorizationQueries,
      @Value("${minor-protection.engine.entity-id-check:true}") boolean entityIdCheck,
      @Value("${minor-protection.engine.password-policy-refusal:true}")
      boolean passwordPolicyRefusal,
      @Value("${minor-protection.task-counts.large-from:1000}") long largeTaskCountFrom,
      @Value("${minor-protection.task-counts.remember-large-for:PT10S}")
      Duration rememberLargeTaskCountsFor,
      @Value("${minor-protection.task-lists.read-offers-first-below:10000}")
      long readOffersFirstBelow,
      @Value("${minor-protection.task-lists.remember-offer-counts-for:PT10S}")
      Duration rememberOfferCountsFor,
      @Value("${minor-protection.engine.remember-definitions-for:PT5S}")
      Duration rememberDefinitionsFor) {
    this.context = context;
    this.patchedFor = patchedFor;
    this.variableChangesInHistory = variableChanges;
    this.jobCreationsInHistory = jobCreations;
    this.variablesNotKept = List.copyOf(variablesNotKept);
    this.gatewaysInHistory = gateways;
    this.authorizationQueries = authorizationQueries;
    this.entityIdCheck = entityIdCheck;
    this.passwordPolicyRefusal = passwordPolicyRefusal;
    this.largeTaskCountFrom = largeTaskCountFrom;
    this.rememberLargeTaskCountsFor = rememberLargeTaskCountsFor;
    this.readOffersFirstBelow = readOffersFirstBelow;
    this.rememberOfferCountsFor = rememberOfferCountsFor;
    this.rememberDefinitionsFor = rememberDefinitionsFor;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    refuseUnknownEngine(ProductPropertiesUtil.getProductVersion(), patchedFor);
    configuration.setTenantIdProvider(new DistrictTenantIdProvider());
    configuration.setResourceAuthorizationProvider(new PlatformAuthorizationProvider());
    configuration.setGeneralResourceWhitelistPattern(IDENTITY_ID_PATTERN);
    configuration.setCustomPreBPMNParseListeners(new ArrayList<>(List.of(
        new TaskCompletionCheck(context))));
    configuration.setExpressionManager(
        new PlatformExpressionManager(context, configuration.getBeans()));
    // Failed commands are logged without their messages, which can quote personal data.
    configuration.setEnableCmdExceptionLogging(false);
    List<CommandInterceptor> txRequired = new ArrayList<>(List.of(new CommandFailureLog()));
    if (passwordPolicyRefusal) {
      txRequired.add(new PasswordPolicyRefusal());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(), txRequired));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
            List.of(new CommandFailureLog())));
    // A notification's delivery on one channel runs as a job of its own (NotificationDeliveries).
    configuration.setCustomJobHandlers(with(configuration.getCustomJobHandlers(),
        List.of(new NotificationDeliveries(() -> context.getBean(NotificationSender.class)))));
    configuration.setFailedJobCommandFactory(new DetachedJobs.Retries(Map.of(
        NotificationDeliveries.TYPE,
        () -> context.getBean(NotificationPolicy.class).retryCycle()),
        NotificationDeliveries::activityOf));
    configuration.setCustomIncidentHandlers(with(configuration.getCustomIncidentHandlers(),
        List.of(new DetachedJobs.Incidents(NotificationDeliveries::activityOf))));
    if (!variableChangesInHistory || !jobCreationsInHistory || !variablesNotKept.isEmpty()
        || !gatewaysInHistory) {
      configuration.setEnableDefaultDbHistoryEventHandler(false);
      configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(
          new LeanHistoryEventHandler(variableChangesInHistory, jobCreationsInHistory,
              variablesNotKept, gatewaysInHistory))));
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (entityIdCheck) {
      configuration.getSessionFactories().put(DbEntityManager.class,
          new EntityIdCheck(configuration.getIdGenerator()));
    }
    if (!rememberDefinitionsFor.isZero()) {
      DefinitionLookups.install(configuration.getSqlSessionFactory().getConfiguration(),
          rememberDefinitionsFor, context.getBean(EngineTime.class)::now);
    }
    if (authorizationQueries) {
      AuthorizationQueries.install(configuration);
      Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
      Supplier<Instant> now = context.getBean(EngineTime.class)::now;
      LargeTaskCounts.install(mybatis, largeTaskCountFrom, rememberLargeTaskCountsFor, now);
      FewOffersFirst.install(mybatis, readOffersFirstBelow, rememberOfferCountsFor, now);
    }
    IdentityWrites.install(configuration,
        context.getBeanProvider(IdentityWriteListener.class).orderedStream().toList());
  }

  /** Throws unless the running engine is the version the patches were written for. */
  static void refuseUnknownEngine(String runningVersion, String patchedFor) {
    if (!Objects.equals(runningVersion, patchedFor)) {
      throw new IllegalStateException("The Camunda engine on the classpath is version "
          + runningVersion + ", but the platform's engine patches were written for version "
          + patchedFor + ". They reach into the engine's internals: check each one listed in "
          + PATCHES_DOCUMENT + " against version " + runningVersion + ", then set "
          + PATCHED_FOR + " to " + runningVersion + ".");
    }
  }

  private static <T> List<T> with(List<T> existing, List<? extends T> added) {
    List<T> result = new ArrayList<>(existing == null ? List.of() : existing);
    result.addAll(added);
    return result;
  }
}
