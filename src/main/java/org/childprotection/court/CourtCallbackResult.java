package org.childprotection.court;

/** What the platform did with a callback: ACCEPTED or RULED, and whether it was a repeat. */
public record CourtCallbackResult(String applicationNumber, String status, boolean repeated) {}
