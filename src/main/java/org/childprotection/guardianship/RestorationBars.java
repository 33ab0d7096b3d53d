package org.childprotection.guardianship;

import static org.childprotection.process.ProcessVariables.HARM_WITH_SERIOUS_INJURY;
import static org.childprotection.process.ProcessVariables.INTENTIONAL_CRIME_AGAINST_CHILD;
import static org.childprotection.process.ProcessVariables.SENTENCED_FIVE_YEARS_OR_MORE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.childprotection.process.StepVariables;

/**
 * The situations in which a court "一般不得" restores a parent's guardianship: the Opinion's art 40
 * (sexual harm or sale of the child; abuse or abandonment of six months or more, or repeated
 * abandonment, with serious injury or worse; a sentence of five years or more for the harm) and
 * 民法典 art 38 (any intentional crime against the child). They are the agency's opinion to the
 * court, never a reason to end an application; and where one applies, adoption need not wait.
 * The facts beyond the revocation's grounds are the answers of the decision and restoration forms.
 */
final class RestorationBars {

  /** The facts the decision and restoration forms ask, beyond the revocation's grounds. */
  record Facts(boolean harmWithSeriousInjury, boolean sentencedFiveYearsOrMore,
      boolean intentionalCrimeAgainstChild) {

    static Facts of(StepVariables variables) {
      return new Facts(variables.get(HARM_WITH_SERIOUS_INJURY),
          variables.get(SENTENCED_FIVE_YEARS_OR_MORE),
          variables.get(INTENTIONAL_CRIME_AGAINST_CHILD));
    }
  }

  private RestorationBars() {}

  static List<String> of(Collection<String> revocationGrounds, Facts facts) {
    List<String> bars = new ArrayList<>();
    if (revocationGrounds.contains("SEXUAL_ABUSE") || revocationGrounds.contains("SALE")) {
      bars.add("性侵害、出卖未成年人（《意见》第四十条第二款第一项）");
    }
    if (facts.harmWithSeriousInjury()) {
      bars.add("虐待、遗弃未成年人六个月以上或多次遗弃，并造成重伤以上严重后果（《意见》第四十条第二款第二项）");
    }
    if (facts.sentencedFiveYearsOrMore()) {
      bars.add("因监护侵害行为被判处五年有期徒刑以上刑罚（《意见》第四十条第二款第三项）");
    }
    if (facts.intentionalCrimeAgainstChild()) {
      bars.add("对被监护人实施故意犯罪（民法典第三十八条）");
    }
    return bars;
  }
}
