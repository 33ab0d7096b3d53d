package org.childprotection.assessment;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.childprotection.process.VariableValues;

/**
 * The needs of the needs assessment (需求评估), each a checkbox of the assessment form named by
 * its variable, and the code the disposal plan's decision table ({@code disposal-plan.dmn})
 * matches.
 */
public enum Need {
  SOCIAL_ASSISTANCE("needSocialAssistance"),
  SCHOOLING("needSchooling"),
  MEDICAL("needMedical"),
  HOUSING("needHousing"),
  EMPLOYMENT("needEmployment"),
  LEGAL_AID("needLegalAid"),
  DISABILITY("needDisability"),
  CARE_MOTHER("needCareMother"),
  VOLUNTEER("needVolunteer"),
  SHELTER("needShelter"),
  STUDY_AID("needStudyAid"),
  HOLIDAY("needHoliday"),
  SUBSTITUTE_CARE("needSubstituteCare");

  private final String variable;

  Need(String variable) {
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }

  /** The needs ticked among the answers, e.g. "MEDICAL,SCHOOLING", in the order of their codes. */
  public static String ticked(Map<String, Object> answers) {
    return Arrays.stream(values())
        .filter(need -> VariableValues.yes(answers.get(need.variable)))
        .map(Need::name)
        .sorted()
        .collect(Collectors.joining(","));
  }
}
