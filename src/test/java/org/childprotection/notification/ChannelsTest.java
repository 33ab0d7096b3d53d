package org.childprotection.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The mail and webhook channels against real servers: GreenMail's SMTP server and a JDK HTTP
 * server on loopback. A channel that cannot deliver throws (so the job retries) and records
 * nothing; one that delivered records its delivery (in the registry's own schema, on H2).
 */
@Tag("no-database")
class ChannelsTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  private static final Notification NOTICE = new Notification("exec-1:notifyPolice", "police",
      "NJ-2026-000042", "紧急：请立即出警（案件 NJ-2026-000042）", "案件 NJ-2026-000042 报告儿童面临紧急危险。");

  private JdbcClient jdbc;
  private NotificationLog log;

  @BeforeEach
  void freshDatabase() {
    DriverManagerDataSource database = new DriverManagerDataSource(
        "jdbc:h2:mem:channels" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    // The registry's tables only: V5 adds an index to the engine's tables, absent here.
    Flyway.configure().dataSource(database).target("4").load().migrate();
    jdbc = JdbcClient.create(database);
    log = new NotificationLog(jdbc);
  }

  @Test
  void mailGoesToTheUnitsAddressWithTheIdempotencyKey() throws Exception {
    MailChannel channel = new MailChannel(sender(smtp.getSmtp().getPort()), policy(), log);

    channel.send(NOTICE);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("110@police.example");
    assertThat(received[0].getSubject()).isEqualTo(NOTICE.subject());
    assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
    assertThat(received[0].getHeader("X-Idempotency-Key")[0]).isEqualTo("exec-1:notifyPolice");
    assertThat(log.delivered(NOTICE.idempotencyKey(), "MAIL")).isTrue();
  }

  @Test
  void aUnitWithoutAnAddressIsLeftToTheOutbox() {
    MailChannel channel = new MailChannel(sender(smtp.getSmtp().getPort()), policy(), log);

    channel.send(new Notification("k", "housing", null, "s", "b"));

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(deliveries()).isZero();
  }

  @Test
  void anUnreachableMailServerFailsTheSendAndRecordsNothing() {
    MailChannel channel = new MailChannel(sender(1), policy(), log);

    assertThatThrownBy(() -> channel.send(NOTICE)).isInstanceOf(MailException.class);
    assertThat(deliveries()).isZero();
  }

  @Test
  void theWebhookReceivesJsonWithTheIdempotencyKeyAndAFailureThrows() throws Exception {
    List<String> keys = new CopyOnWriteArrayList<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    int[] status = {200};
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/notify", exchange -> {
      keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(status[0], -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
      WebhookChannel channel = new WebhookChannel(RestClient.builder(),
          new NotificationPolicy("PT1M", null, new NotificationPolicy.Webhook(url)), log);

      channel.send(NOTICE);
      assertThat(keys).containsExactly("exec-1:notifyPolice");
      assertThat(bodies.get(0)).contains("\"recipient\":\"police\"").contains("NJ-2026-000042");
      assertThat(log.delivered(NOTICE.idempotencyKey(), "WEBHOOK")).isTrue();

      status[0] = 503;
      Notification next = new Notification("exec-2:notifyPolice", "police", null, "s", "b");
      assertThatThrownBy(() -> channel.send(next)).isInstanceOf(RestClientException.class);
      assertThat(log.delivered(next.idempotencyKey(), "WEBHOOK")).isFalse();
    } finally {
      server.stop(0);
    }
  }

  private long deliveries() {
    return jdbc.sql("SELECT COUNT(*) FROM notification").query(Long.class).single();
  }

  private static JavaMailSenderImpl sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }

  private static NotificationPolicy policy() {
    return new NotificationPolicy("PT1M", new NotificationPolicy.Mail(true,
        "noreply@minor-protection.example", Map.of("police", "110@police.example")), null);
  }
}
