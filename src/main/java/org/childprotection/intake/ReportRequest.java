package org.childprotection.intake;

import java.util.List;

/**
 * The body of {@code POST /api/reports} (SPEC section 7). Fields arrive as text and are checked
 * by {@link ReportValidator}, so that every mistake is answered with its field and reason.
 */
public record ReportRequest(
    String channel,
    String channelTicketId,
    String receivedAt,
    Reporter reporter,
    Child child,
    Location location,
    List<String> suspectedCategories,
    Boolean immediateDanger,
    String description,
    List<Guardian> guardians) {

  /** Who reported. */
  public record Reporter(String name, String phone, String type, String organisation) {}

  /** The child the report is about. */
  public record Child(String name, String idNumber, String gender, String birthDate,
      Integer estimatedAge, String household) {}

  /** Where the child lives or was found. */
  public record Location(String district, String street, String community, String address) {}

  /** A guardian, when the reporter knows one. */
  public record Guardian(String name, String relation, String phone, String status) {}
}
