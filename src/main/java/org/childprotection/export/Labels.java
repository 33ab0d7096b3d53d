package org.childprotection.export;

import org.childprotection.registry.Masking;

/**
 * How the exports write what is not a code (codes are in Chinese through
 * {@link org.childprotection.registry.Vocabulary}): nothing for a missing value, 是/否, and ID
 * numbers masked as in every list.
 */
final class Labels {

  private Labels() {}

  static String yesNo(boolean value) {
    return value ? "是" : "否";
  }

  /** An ID number as lists show it: 3201**********0012 ({@link Masking}). */
  static String maskedIdNumber(String idNumber) {
    return text(Masking.idNumber(idNumber));
  }

  static String text(String value) {
    return value == null ? "" : value;
  }
}
