package org.childprotection.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The needs ticked on the assessment form, as the codes the disposal plan's decision reads. */
@Tag("no-database")
class NeedTest {

  @ParameterizedTest(name = "{0} → \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "                                         | ''",
      "needMedical                              | MEDICAL",
      "needSchooling needMedical                | MEDICAL,SCHOOLING",
      "needSubstituteCare needLegalAid          | LEGAL_AID,SUBSTITUTE_CARE",
      "needCareMother=false needSocialAssistance | SOCIAL_ASSISTANCE",
      "needShelter=yes                          | ''",
      "needs needMedicalCare                    | ''",
  })
  void theTickedNeedsAreTheirCodesInOrder(String ticked, String codes) {
    Map<String, Object> answers = new HashMap<>();
    if (ticked != null) {
      for (String answer : ticked.trim().split("\\s+")) {
        String[] parts = answer.split("=");
        answers.put(parts[0], parts.length == 1 ? Boolean.TRUE : parts[1]);
      }
    }
    assertThat(Need.ticked(answers)).isEqualTo(codes);
  }

  @Test
  void everyNeedIsANeedsCheckboxOfItsOwn() {
    assertThat(Arrays.stream(Need.values()).map(Need::variable))
        .doesNotHaveDuplicates()
        .allMatch(variable -> variable.startsWith("need"));
  }
}
