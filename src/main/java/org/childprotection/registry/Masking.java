package org.childprotection.registry;

import java.time.LocalDate;
import java.time.Period;

/** What a view hides of a child: masked ID numbers and names, and the few facts a unit sees. */
public final class Masking {

  private Masking() {}

  /** 3201**********0012: the first four and the last four characters, the rest starred. */
  public static String idNumber(String idNumber) {
    if (idNumber == null) {
      return null;
    }
    if (idNumber.length() <= 8) {
      return "*".repeat(idNumber.length());
    }
    return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8)
        + idNumber.substring(idNumber.length() - 4);
  }

  /** The surname and two stars (李**), as units see a name in lists. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
  }

  /** The child's age in years on the day, from the birth date or else the estimated age. */
  public static Integer age(Children.Child child, LocalDate today) {
    if (child.birthDate() != null) {
      return Period.between(child.birthDate(), today).getYears();
    }
    return child.estimatedAge();
  }
}
