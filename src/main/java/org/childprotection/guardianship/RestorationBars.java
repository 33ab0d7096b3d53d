package org.childprotection.guardianship;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The situations in which a court "一般不得" restores a parent's guardianship: the Opinion's art 40
 * (sexual harm or sale of the child; abuse or abandonment of six months or more, or repeated
 * abandonment, with serious injury or worse; a sentence of five years or more for the harm) and
 * 民法典 art 38 (any intentional crime against the child). They are the agency's opinion to the
 * court, never a reason to end an application; and where one applies, adoption need not wait.
 * The facts beyond the revocation's grounds are the answers of the decision and restoration forms.
 */
final class RestorationBars {

  static final String SERIOUS_INJURY = "harmWithSeriousInjury";
  static final String FIVE_YEARS = "sentencedFiveYearsOrMore";
  static final String INTENTIONAL_CRIME = "intentionalCrimeAgainstChild";

  private RestorationBars() {}

  static List<String> of(Collection<String> revocationGrounds, VariableScope facts) {
    List<String> bars = new ArrayList<>();
    if (revocationGrounds.contains("SEXUAL_ABUSE") || revocationGrounds.contains("SALE")) {
      bars.add("性侵害、出卖未成年人（《意见》第四十条第二款第一项）");
    }
    if (FormValues.yes(facts.getVariable(SERIOUS_INJURY))) {
      bars.add("虐待、遗弃未成年人六个月以上或多次遗弃，并造成重伤以上严重后果（《意见》第四十条第二款第二项）");
    }
    if (FormValues.yes(facts.getVariable(FIVE_YEARS))) {
      bars.add("因监护侵害行为被判处五年有期徒刑以上刑罚（《意见》第四十条第二款第三项）");
    }
    if (FormValues.yes(facts.getVariable(INTENTIONAL_CRIME))) {
      bars.add("对被监护人实施故意犯罪（民法典第三十八条）");
    }
    return bars;
  }
}
