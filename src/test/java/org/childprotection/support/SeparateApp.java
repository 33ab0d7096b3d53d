package org.childprotection.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.childprotection.MinorProtectionApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the app beside the shared test context, on a database of its own, with the profiles
 * and settings a test names. Its engine has a name of its own, so the shared context's engine
 * (the one the REST API and webapps find by the name "default") is left alone.
 */
public final class SeparateApp {

  private SeparateApp() {}

  public static ConfigurableApplicationContext start(
      String databaseUrl, String profiles, String... settings) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + databaseUrl,
        "--server.port=0",
        "--camunda.bpm.process-engine-name=separate" + UUID.randomUUID().toString().substring(0, 8),
        "--camunda.bpm.webapp.enabled=false"));
    for (String setting : settings) {
      args.add("--" + setting);
    }
    return new SpringApplicationBuilder(MinorProtectionApplication.class)
        .profiles(profiles.split(","))
        .run(args.toArray(String[]::new));
  }
}
