package org.childprotection.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-digit 居民身份证号 (GB 11643): six digits of region, the birth date as yyyyMMdd, three
 * digits of sequence (odd for men), and a check character (ISO 7064 MOD 11-2, 0–9 or X).
 */
public final class IdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final Pattern FORM = Pattern.compile("\\d{17}[\\dX]");

  private IdNumber() {}

  /** Why the number is not valid, in Chinese, or empty when it is. */
  public static Optional<String> problem(String idNumber, LocalDate today) {
    if (idNumber == null || !FORM.matcher(idNumber).matches()) {
      return Optional.of("身份证号应为18位，前17位为数字，最后一位为数字或X");
    }
    if (checkCharacter(idNumber) != idNumber.charAt(17)) {
      return Optional.of("身份证号校验位错误");
    }
    Optional<LocalDate> birth = birthDate(idNumber);
    if (birth.isEmpty()) {
      return Optional.of("身份证号中的出生日期无效");
    }
    if (birth.get().isAfter(today) || birth.get().isBefore(today.minusYears(120))) {
      return Optional.of("身份证号中的出生日期不合理");
    }
    return Optional.empty();
  }

  public static Optional<LocalDate> birthDate(String idNumber) {
    try {
      return Optional.of(LocalDate.of(
          Integer.parseInt(idNumber.substring(6, 10)),
          Integer.parseInt(idNumber.substring(10, 12)),
          Integer.parseInt(idNumber.substring(12, 14))));
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** M or F, from the parity of the 17th digit. */
  public static char gender(String idNumber) {
    return (idNumber.charAt(16) - '0') % 2 == 1 ? 'M' : 'F';
  }

  /** For lists and logs: the region and the check character stay, the rest is hidden. */
  public static String masked(String idNumber) {
    if (idNumber == null || idNumber.length() != 18) {
      return idNumber;
    }
    return idNumber.substring(0, 6) + "********" + "***" + idNumber.charAt(17);
  }

  /** The complete number for its first 17 digits: they, followed by their check character. */
  public static String withCheckCharacter(String first17) {
    return first17 + checkCharacter(first17);
  }

  static char checkCharacter(String idNumber) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }
}
