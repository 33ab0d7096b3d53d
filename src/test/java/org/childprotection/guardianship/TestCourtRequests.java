package org.childprotection.guardianship;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import org.childprotection.support.TestCourt;

/** What the court's stand-in received. */
final class TestCourtRequests {

  private TestCourtRequests() {}

  static int forApplication(String applicationNumber) {
    return TestCourt.server().findAll(postRequestedFor(urlEqualTo("/applications"))
        .withHeader("Idempotency-Key", equalTo(applicationNumber))).size();
  }
}
