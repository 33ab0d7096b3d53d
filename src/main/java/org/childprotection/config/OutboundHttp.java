package org.childprotection.config;

import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * How the platform calls other systems (the court, SMS/OA webhooks): plain HTTP/1.1 with time
 * limits, so a system that hangs fails the job, which then retries, instead of holding it.
 */
public final class OutboundHttp {

  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration READ = Duration.ofSeconds(30);

  private OutboundHttp() {}

  public static ClientHttpRequestFactory requestFactory() {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(CONNECT);
    factory.setReadTimeout(READ);
    return factory;
  }
}
