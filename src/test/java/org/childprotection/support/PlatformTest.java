package org.childprotection.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.childprotection.MinorProtectionApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running platform, as the quick start has it (demo profile), on the database of this test
 * run. All such tests share one application context, so they create their own data and never
 * assume an empty database. Metrics export is on, as in the app (Spring Boot turns it off in
 * tests by default). The job executor is off (test configuration): tests run the jobs they
 * expect with the {@link ProcessDriver}, so every step is deterministic. Process coverage is
 * collected for every such test; the scenario tests ({@link ScenarioTest}) walk the models' paths.
 * The SQLExceptions of the app's JDBC calls are noted ({@link SqlExceptions}).
 */
@SpringBootTest(classes = MinorProtectionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureObservability
@Import({ProcessEngineCoverageConfiguration.class, SqlExceptions.class})
public abstract class PlatformTest {

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine engine;

  protected ProcessDriver drive;

  @BeforeEach
  void newDriver() {
    drive = new ProcessDriver(engine);
  }

  /** A demo user, whose password equals the user id. */
  protected Http as(String user) {
    return Http.as(port, user, user);
  }

  protected Http anonymous() {
    return Http.anonymous(port);
  }
}
