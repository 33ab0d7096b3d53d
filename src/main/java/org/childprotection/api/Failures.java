package org.childprotection.api;

/**
 * A failure as the log may show it: the chain of exception classes and where it happened, not
 * the messages, which can quote personal data (a database's message quotes the values of the
 * row, such as a child's name or ID number).
 */
public final class Failures {

  private Failures() {}

  /** {@code Outer <- Cause <- RootCause at org.childprotection.Class.method(File.java:12)}. */
  public static String describe(Throwable e) {
    return describe(e, null);
  }

  /** As {@link #describe(Throwable)}, where the place is not in the class that reports it. */
  public static String describe(Throwable e, Class<?> reporter) {
    return causes(e) + " at " + origin(e, reporter == null ? null : reporter.getName());
  }

  private static String causes(Throwable e) {
    StringBuilder chain = new StringBuilder(e.getClass().getName());
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      chain.append(" <- ").append(cause.getClass().getName());
    }
    return chain.toString();
  }

  private static String origin(Throwable e, String reporter) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.childprotection")
          && !frame.getClassName().equals(reporter)) {
        return frame.toString();
      }
    }
    return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "unknown";
  }
}
