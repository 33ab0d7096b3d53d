package org.childprotection.intake;

/** The names the intake shares with {@code processes/child-protection-case.bpmn}. */
public final class CaseProcess {

  public static final String PROCESS_KEY = "child-protection-case";
  /** Correlated to a running case when a further report about its child arrives. */
  public static final String REPORT_MERGED_MESSAGE = "ReportMerged";

  private CaseProcess() {}
}
