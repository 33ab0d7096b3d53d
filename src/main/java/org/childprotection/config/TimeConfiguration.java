package org.childprotection.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The city's clock: dates such as birthdays and working days are Nanjing's. */
@Configuration
public class TimeConfiguration {

  @Bean
  Clock clock(@Value("${minor-protection.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
