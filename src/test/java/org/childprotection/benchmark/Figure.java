package org.childprotection.benchmark;

import java.util.Locale;

/**
 * One line of the results: what was measured, against which baseline of the same run, and the
 * goal the ratio has to meet (none for figures that are only recorded).
 */
record Figure(String name, String measured, String baseline, double ratio, String goal,
    Boolean met) {

  static Figure withGoal(String name, String measured, String baseline, double ratio,
      String goal, boolean met) {
    return new Figure(name, measured, baseline, ratio, goal, met);
  }

  static Figure recorded(String name, String measured, String baseline, double ratio) {
    return new Figure(name, measured, baseline, ratio, "—", null);
  }

  String row() {
    return String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s |", name, measured,
        baseline, ratio, goal, met == null ? "—" : met ? "yes" : "**no**");
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
