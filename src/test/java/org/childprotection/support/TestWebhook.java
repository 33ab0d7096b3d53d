package org.childprotection.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A real HTTP server on loopback standing in for an SMS/OA system, so that every test runs the
 * webhook channel too. A test can make it fail (503) for a while, as a system that is down.
 */
public class TestWebhook implements EnvironmentPostProcessor, Ordered {

  /** One request as received: its idempotency key and the status it was answered with. */
  public record Delivery(String idempotencyKey, int status) {}

  private static HttpServer server;
  private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
  private static volatile boolean down;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    environment.getPropertySources().addLast(new MapPropertySource("test-webhook",
        Map.of("NOTIFY_WEBHOOK_URL", url())));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static void down(boolean isDown) {
    down = isDown;
  }

  /** The requests the server answered with 2xx for this key: what was really delivered. */
  public static long accepted(String keyPrefix) {
    return DELIVERIES.stream()
        .filter(d -> d.idempotencyKey() != null && d.idempotencyKey().startsWith(keyPrefix))
        .filter(d -> d.status() < 300).count();
  }

  public static List<Delivery> deliveries() {
    return List.copyOf(DELIVERIES);
  }

  public static long refused(String keyPrefix) {
    return DELIVERIES.stream()
        .filter(d -> d.idempotencyKey() != null && d.idempotencyKey().startsWith(keyPrefix))
        .filter(d -> d.status() >= 500).count();
  }

  private static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/notify", exchange -> {
        exchange.getRequestBody().readAllBytes();
        int status = down ? 503 : 204;
        DELIVERIES.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.setExecutor(null);
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
  }
}
