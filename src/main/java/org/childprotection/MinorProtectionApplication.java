package org.childprotection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MinorProtectionApplication {

  public static void main(String[] args) {
    SpringApplication.run(MinorProtectionApplication.class, args);
  }
}
