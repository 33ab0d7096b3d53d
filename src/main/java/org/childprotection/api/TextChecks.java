package org.childprotection.api;

/**
 * Text a person could have typed. A NUL or other control character (PostgreSQL refuses NUL in
 * text) is bad input, answered with a 400 before it reaches the database.
 */
public final class TextChecks {

  public static final String CONTROL_CHARACTER_MESSAGE = "含有不允许的控制字符";

  private TextChecks() {}

  /** True when the text holds a control character other than tab, line feed or return. */
  public static boolean hasControlCharacters(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }
}
