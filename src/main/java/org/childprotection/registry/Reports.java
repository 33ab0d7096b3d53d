package org.childprotection.registry;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.childprotection.config.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every report received (报告), whether it opened a case or was added to one. */
@Repository
public class Reports {

  /** A report as received. */
  public record Report(long id, long caseId, String channel, String channelTicketId,
      OffsetDateTime receivedAt, String reporterName, String reporterPhone, String reporterType,
      String reporterOrganisation, String firstReceivingUnit, boolean immediateDanger,
      String categories, String description, String outcome) {}

  private final JdbcClient jdbc;

  public Reports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Report> byTicket(String channel, String channelTicketId) {
    return jdbc.sql("SELECT * FROM report WHERE channel = ? AND channel_ticket_id = ?")
        .params(channel, channelTicketId).query(RecordRowMapper.of(Report.class)).optional();
  }

  /** Those of the channel's tickets that a report received before already had. */
  public Set<String> knownTickets(String channel, Collection<String> channelTicketIds) {
    if (channelTicketIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("SELECT channel_ticket_id FROM report "
            + "WHERE channel = :channel AND channel_ticket_id IN (:tickets)")
        .param("channel", channel).param("tickets", channelTicketIds)
        .query(String.class).list());
  }

  public void insert(Report report) {
    jdbc.sql("""
            INSERT INTO report (case_id, channel, channel_ticket_id, received_at, reporter_name,
              reporter_phone, reporter_type, reporter_organisation, first_receiving_unit,
              immediate_danger, categories, description, outcome, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(report.caseId(), report.channel(), report.channelTicketId(),
            report.receivedAt(), report.reporterName(), report.reporterPhone(),
            report.reporterType(), report.reporterOrganisation(), report.firstReceivingUnit(),
            report.immediateDanger(), report.categories(), report.description(),
            report.outcome(), Children.now())
        .update();
  }

  public List<Report> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM report WHERE case_id = ? ORDER BY received_at, id")
        .param(caseId).query(RecordRowMapper.of(Report.class)).list();
  }
}
