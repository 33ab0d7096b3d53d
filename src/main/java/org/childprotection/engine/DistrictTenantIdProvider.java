package org.childprotection.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.childprotection.organisation.District;

/**
 * Every instance carries the district of its case as tenant, so the engine's tenant check keeps
 * a district's cases to that district. The definitions are shared (deployed without tenant).
 *
 * <p>The district comes from the start variable {@value #DISTRICT_VARIABLE}; a called process
 * inherits its caller's; a district worker who starts a process without naming a district starts
 * it in their own district. An instance whose district cannot be told is refused: without a
 * tenant it would be visible to every district.
 */
public class DistrictTenantIdProvider implements TenantIdProvider {

  public static final String DISTRICT_VARIABLE = "district";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object district = ctx.getVariables() == null ? null : ctx.getVariables().get(DISTRICT_VARIABLE);
    if (district != null) {
      return District.ofCode(district.toString())
          .map(District::tenantId)
          .orElseThrow(() -> new BadUserRequestException(
              "district: unknown district code '" + district + "'"));
    }
    String tenant = tenantOfCurrentDistrictWorker();
    if (tenant == null) {
      throw new BadUserRequestException(
          "district: every case belongs to a district; start it with the variable 'district'");
    }
    return tenant;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return ctx.getSuperExecution() != null ? ctx.getSuperExecution().getTenantId() : null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    DelegateExecution execution = ctx.getExecution();
    return execution != null ? execution.getTenantId() : null;
  }

  private static String tenantOfCurrentDistrictWorker() {
    Authentication authentication = org.camunda.bpm.engine.impl.context.Context
        .getCommandContext().getAuthentication();
    if (authentication == null || authentication.getTenantIds() == null) {
      return null;
    }
    List<String> tenants = authentication.getTenantIds();
    return tenants.size() == 1 ? tenants.get(0) : null;
  }
}
