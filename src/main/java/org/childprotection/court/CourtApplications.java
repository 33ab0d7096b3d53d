package org.childprotection.court;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.childprotection.config.RecordRowMapper;
import org.childprotection.registry.YearlyNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications to the court (撤销/恢复监护人资格) and what the court answered. */
@Repository
public class CourtApplications {

  /**
   * An application and its state at the court. {@code acceptedDate} is the court's acceptance
   * date (受理日期); {@code acceptedAt} is when the platform heard of the acceptance.
   */
  public record Application(long id, String applicationNumber, long caseId,
      String applicationType, String legalGrounds, String applicant, boolean procuratorateSupport,
      String status, String courtCaseNumber, LocalDate acceptedDate, String outcome,
      LocalDate rulingDate, String appointedGuardian, OffsetDateTime filedAt,
      OffsetDateTime sentAt, OffsetDateTime acceptedAt, OffsetDateTime ruledAt) {

    public boolean ruled() {
      return "RULED".equals(status);
    }

    public boolean accepted() {
      return "ACCEPTED".equals(status) || ruled();
    }

    /**
     * The day the court had the application: sent through its system, or, without one, filed
     * for the court's users in Tasklist.
     */
    public LocalDate handedToCourtOn(ZoneId zone) {
      return (sentAt != null ? sentAt : filedAt).atZoneSameInstant(zone).toLocalDate();
    }
  }

  private final JdbcClient jdbc;
  private final YearlyNumbers numbers;

  public CourtApplications(JdbcClient jdbc, YearlyNumbers numbers) {
    this.jdbc = jdbc;
    this.numbers = numbers;
  }

  /** SQ-<year>-<5 digits>, numbered per year (申请编号) like the case numbers: see YearlyNumbers. */
  public String file(long caseId, int year, String type, String grounds, String applicant,
      boolean procuratorateSupport) {
    long number = numbers.next(YearlyNumbers.Kind.COURT_APPLICATION, year);
    String applicationNumber = String.format("SQ-%d-%05d", year, number);
    jdbc.sql("""
            INSERT INTO court_application (application_number, case_id, application_type,
              legal_grounds, applicant, procuratorate_support, status, filed_at)
            VALUES (?, ?, ?, ?, ?, ?, 'FILED', ?)""")
        .params(applicationNumber, caseId, type, grounds, applicant, procuratorateSupport, now())
        .update();
    return applicationNumber;
  }

  public Optional<Application> byNumber(String applicationNumber) {
    return jdbc.sql("SELECT * FROM court_application WHERE application_number = ?")
        .param(applicationNumber).query(RecordRowMapper.of(Application.class)).optional();
  }

  /** Locks the row until the transaction ends: two callbacks for one application queue up. */
  public Optional<Application> byNumberForUpdate(String applicationNumber) {
    return jdbc.sql("SELECT * FROM court_application WHERE application_number = ? FOR UPDATE")
        .param(applicationNumber).query(RecordRowMapper.of(Application.class)).optional();
  }

  public List<Application> ofCase(long caseId) {
    return jdbc.sql("SELECT * FROM court_application WHERE case_id = ? ORDER BY filed_at, id")
        .param(caseId).query(RecordRowMapper.of(Application.class)).list();
  }

  public void markSent(String applicationNumber) {
    jdbc.sql("UPDATE court_application SET status = 'SENT', sent_at = ? "
        + "WHERE application_number = ? AND status = 'FILED'")
        .params(now(), applicationNumber).update();
  }

  /** The court accepted the application on {@code acceptedDate} (null when it did not say). */
  public void markAccepted(String applicationNumber, String courtCaseNumber,
      LocalDate acceptedDate) {
    jdbc.sql("UPDATE court_application SET status = 'ACCEPTED', accepted_at = ?, "
        + "court_case_number = ?, accepted_date = ? "
        + "WHERE application_number = ? AND status IN ('FILED', 'SENT')")
        .params(now(), courtCaseNumber, acceptedDate, applicationNumber).update();
  }

  public void markRuled(String applicationNumber, String courtCaseNumber, String outcome,
      LocalDate rulingDate, String appointedGuardian) {
    jdbc.sql("""
            UPDATE court_application SET status = 'RULED', ruled_at = ?, court_case_number = ?,
              outcome = ?, ruling_date = ?, appointed_guardian = ?
            WHERE application_number = ?""")
        .params(now(), courtCaseNumber, outcome, rulingDate, appointedGuardian,
            applicationNumber)
        .update();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
