package org.childprotection.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The court's system, the one party outside our control, stood in for by WireMock (a real HTTP
 * server on loopback) for the whole test JVM: the app under test has a court endpoint
 * configured (COURT_URL). Tests change its answers to take the court down and back up.
 */
public class TestCourt implements EnvironmentPostProcessor, Ordered {

  private static WireMockServer server;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (!environment.containsProperty("COURT_URL")) {
      environment.getPropertySources().addLast(new MapPropertySource("test-court",
          Map.of("COURT_URL", "http://127.0.0.1:" + server().port())));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      up();
    }
    return server;
  }

  /** The court takes applications. */
  public static void up() {
    server().stubFor(post(urlEqualTo("/applications")).willReturn(aResponse().withStatus(201)));
  }

  /** The court's system answers 503 to everything. */
  public static void down() {
    server().stubFor(post(urlEqualTo("/applications")).willReturn(aResponse().withStatus(503)));
  }
}
