package org.childprotection.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The limits a report is checked against. */
@ConfigurationProperties("minor-protection.intake")
public record IntakePolicy(
    Integer maxDescriptionLength,
    Integer maxNameLength,
    Integer maxTextLength,
    Integer adultAge) {

  public IntakePolicy {
    maxDescriptionLength = maxDescriptionLength == null ? 4000 : maxDescriptionLength;
    maxNameLength = maxNameLength == null ? 50 : maxNameLength;
    maxTextLength = maxTextLength == null ? 200 : maxTextLength;
    adultAge = adultAge == null ? 18 : adultAge;
  }
}
