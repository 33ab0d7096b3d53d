package org.childprotection.registry;

/** What Tasklist's card shows of a task's case ({@code GET /api/tasks/labels}). */
public record TaskLabel(String caseNumber, String childName, String districtName,
    String riskLevel, String riskLevelName) {}
