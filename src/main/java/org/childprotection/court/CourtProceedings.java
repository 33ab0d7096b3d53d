package org.childprotection.court;

/** The names {@code processes/court-proceedings.bpmn} shares with the code. */
public final class CourtProceedings {

  public static final String PROCESS_KEY = "court-proceedings";
  public static final String ACCEPTED_MESSAGE = "CourtAccepted";
  public static final String RULED_MESSAGE = "CourtRuled";

  private CourtProceedings() {}
}
