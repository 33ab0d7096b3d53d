package org.childprotection.security;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat passes an encoded "/" in a path on instead of refusing it with its own error page, so
 * that Spring Security's firewall refuses it with the API's 400 and a reason.
 */
@Configuration
public class TomcatConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
    return factory -> factory.addConnectorCustomizers(
        connector -> connector.setEncodedSolidusHandling("passthrough"));
  }
}
