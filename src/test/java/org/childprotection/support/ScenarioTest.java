package org.childprotection.support;

import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.childprotection.notification.NotificationTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scenario test of the models: walks their paths with the {@link ProcessDriver} and asserts
 * with camunda-bpm-assert's {@code BpmnAwareTests.assertThat}. Which flow nodes and sequence
 * flows it took goes into the coverage that CI checks, as for every platform test
 * (camunda-process-test-coverage registers its listener for all of them; a report per class in
 * target/process-test-coverage). Tests that move the engine's clock get it back.
 */
public abstract class ScenarioTest extends PlatformTest {

  @Autowired
  protected JdbcClient jdbc;

  @BeforeEach
  void assertOnThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void engineTimeIsNowAgain() {
    ClockUtil.reset();
  }

  /**
   * The notifications the case of this instance (any instance of the case) has in its outbox,
   * oldest first, as {@code recipient:TEMPLATE}.
   */
  protected List<String> outbox(String instanceId) {
    String caseNumber = drive.businessKey(instanceId);
    return jdbc.sql("SELECT recipient, subject FROM notification WHERE case_number = ? "
            + "AND channel = 'OUTBOX' ORDER BY id").param(caseNumber)
        .query((rs, i) -> rs.getString(1) + ":" + template(rs.getString(2), caseNumber)).list();
  }

  /** The templates of the case's outbox notifications to this recipient, oldest first. */
  protected List<String> outbox(String instanceId, String recipient) {
    return outbox(instanceId).stream().filter(n -> n.startsWith(recipient + ":"))
        .map(n -> n.substring(recipient.length() + 1)).toList();
  }

  /** Which template a delivered subject was written from. */
  private static String template(String subject, String caseNumber) {
    for (NotificationTemplate template : NotificationTemplate.values()) {
      if (template.subject(caseNumber).equals(subject)) {
        return template.name();
      }
    }
    return subject;
  }
}
