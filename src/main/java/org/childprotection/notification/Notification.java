package org.childprotection.notification;

/**
 * One message to a unit (a Camunda group). The idempotency key is the same on every retry of
 * the same send, so no channel delivers it twice.
 */
public record Notification(String idempotencyKey, String recipient, String caseNumber,
    String subject, String body) {}
