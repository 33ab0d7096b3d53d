package org.childprotection.api;

/**
 * A failure as the log may show it: the chain of exception classes and where it happened, not
 * the messages, which can quote personal data (a database's message quotes the values of the
 * row, such as a child's name or ID number).
 */
public final class Failures {

  private Failures() {}

  /**
   * {@code Outer <- Cause at the.Place.where(Thrown.java:3) via org.childprotection.Caller.method(
   * Caller.java:12)}: where it was thrown and, when that is outside the project, the project's
   * code it came through.
   */
  public static String describe(Throwable e) {
    return describe(e, null);
  }

  /** As {@link #describe(Throwable)}, where the project's place is not the reporting class. */
  public static String describe(Throwable e, Class<?> reporter) {
    StackTraceElement[] frames = e.getStackTrace();
    if (frames.length == 0) {
      return causes(e);
    }
    String thrown = thrownAt(frames);
    String project = projectFrame(frames, reporter == null ? null : reporter.getName());
    return causes(e) + " at " + thrown
        + (project == null || project.equals(thrown) ? "" : " via " + project);
  }

  private static String causes(Throwable e) {
    StringBuilder chain = new StringBuilder(e.getClass().getName());
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      chain.append(" <- ").append(cause.getClass().getName());
    }
    return chain.toString();
  }

  /** The first frame outside the JDK (exceptions made by reflection start there). */
  private static String thrownAt(StackTraceElement[] frames) {
    for (StackTraceElement frame : frames) {
      String name = frame.getClassName();
      if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
        return frame.toString();
      }
    }
    return frames[0].toString();
  }

  private static String projectFrame(StackTraceElement[] frames, String reporter) {
    for (StackTraceElement frame : frames) {
      if (frame.getClassName().startsWith("org.childprotection")
          && !frame.getClassName().equals(reporter)) {
        return frame.toString();
      }
    }
    return null;
  }
}
