package org.childprotection.court;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.childprotection.court.CourtApplications.Application;
import org.childprotection.config.OutboundHttp;
import org.childprotection.registry.Cases.Case;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * 移送法院: sends an application (case summary, grounds, evidence list, applicant, application
 * number) to the court's system and marks it sent. A court that does not answer 2xx fails the
 * send. The application number is the idempotency key, so a retry after a lost answer is not a
 * second application.
 */
@Service
public class CourtHandOff {

  private final RestClient http;
  private final CourtPolicy policy;
  private final CourtApplications applications;

  public CourtHandOff(RestClient.Builder builder, CourtPolicy policy,
      CourtApplications applications) {
    this.http = builder.requestFactory(OutboundHttp.requestFactory()).build();
    this.policy = policy;
    this.applications = applications;
  }

  /** Sends the case's application of that number, with the evidence the case lists. */
  public void send(Case found, String applicationNumber, String evidenceList) {
    Application application = applications.byNumber(applicationNumber).orElseThrow();
    http.post()
        .uri(policy.url() + "/applications")
        .header("Idempotency-Key", applicationNumber)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body(found, application, evidenceList))
        .retrieve()
        .toBodilessEntity();
    applications.markSent(applicationNumber);
  }

  /** The application as the court's system takes it: codes, and lists where there may be more. */
  static Map<String, Object> body(Case found, Application application, String evidenceList) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationNumber", application.applicationNumber());
    body.put("applicationType", application.applicationType());
    body.put("caseNumber", found.caseNumber());
    body.put("district", found.district());
    body.put("categories", List.of(found.categories().split(",")));
    body.put("riskLevel", found.riskLevel());
    body.put("legalGrounds", application.legalGrounds() == null
        ? List.of() : List.of(application.legalGrounds().split(",")));
    body.put("applicant", application.applicant());
    body.put("procuratorateSupport", application.procuratorateSupport());
    body.put("evidenceList", evidenceList);
    return body;
  }
}
