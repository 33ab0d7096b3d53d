package org.childprotection.court;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.childprotection.registry.CaseBinding;
import org.childprotection.config.OutboundHttp;
import org.childprotection.registry.Cases.Case;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * 移送法院: sends the application (case summary, grounds, evidence list, applicant, application
 * number) to the court's system. The step is an asynchronous job: a court that does not answer
 * 2xx makes it retry and, in the end, an incident in Cockpit. The application number is the
 * idempotency key, so a retry after a lost answer is not a second application.
 */
@Component("courtHandOffDelegate")
public class CourtHandOffDelegate implements JavaDelegate {

  private final RestClient http;
  private final CourtPolicy policy;
  private final CourtApplications applications;
  private final CaseBinding binding;

  public CourtHandOffDelegate(RestClient.Builder builder, CourtPolicy policy,
      CourtApplications applications, CaseBinding binding) {
    this.http = builder.requestFactory(OutboundHttp.requestFactory()).build();
    this.policy = policy;
    this.applications = applications;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Case found = binding.caseOf(execution);
    String applicationNumber = (String) execution.getVariable("applicationNumber");
    CourtApplications.Application application =
        applications.byNumber(applicationNumber).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationNumber", applicationNumber);
    body.put("applicationType", application.applicationType());
    body.put("caseNumber", found.caseNumber());
    body.put("district", found.district());
    body.put("categories", List.of(found.categories().split(",")));
    body.put("riskLevel", found.riskLevel());
    body.put("legalGrounds", application.legalGrounds() == null
        ? List.of() : List.of(application.legalGrounds().split(",")));
    body.put("applicant", application.applicant());
    body.put("procuratorateSupport", application.procuratorateSupport());
    body.put("evidenceList", execution.getVariable("evidenceList"));
    http.post()
        .uri(policy.url() + "/applications")
        .header("Idempotency-Key", applicationNumber)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toBodilessEntity();
    applications.markSent(applicationNumber);
  }
}
