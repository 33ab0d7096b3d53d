package org.childprotection.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.JobState;
import org.childprotection.support.Http;

/**
 * What must hold after any crash, read from the shared database once the apps have settled:
 * nothing a caller was told is lost, nothing is doubled, nothing is stuck, every due timer has
 * fired and no job has run twice.
 */
final class Invariants {

  /** Jobs due this soon are waited for before the invariants are checked. */
  static final int DUE_WITHIN_SECONDS = 70;


  /** ACT_HI_JOB_LOG.JOB_STATE_ of a job that ran to its end. */
  private static final int JOB_SUCCESSFUL = JobState.SUCCESSFUL.getStateCode();

  private Invariants() {}

  /**
   * Sends every report again, as callers do who got no answer (and some who did): each must
   * now be answered, and an answered one with the case it was given.
   *
   * @return how many reports had been registered although their caller got no answer (the
   *     crash came between the commit and the answer): the resend finds their case
   */
  static int resendEverything(Workload load, Http caller) {
    int registeredUnanswered = 0;
    for (String ticket : load.sent()) {
      Http.Response again = load.resend(caller, ticket);
      assertThat(again.status()).as("resent report, " + again).isIn(200, 201);
      Workload.Answer first = load.answered().get(ticket);
      if (first != null) {
        assertThat(again.status()).as("a report answered before is not opened again")
            .isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("MERGED");
        assertThat(again.json().get("caseNumber").asText()).as("the case the caller was told")
            .isEqualTo(first.caseNumber());
      } else if (again.status() == 200) {
        registeredUnanswered++;
      }
    }
    return registeredUnanswered;
  }

  /** Each report has its one case, and each case its one process instance. */
  static void oneCasePerReport(Database db, Workload load, String ticketPrefix) {
    List<String> tickets = load.sent().stream().sorted().toList();
    assertThat(db.count("SELECT COUNT(*) FROM report WHERE channel_ticket_id LIKE ?",
        ticketPrefix + "-%")).as("one registry row per report").isEqualTo(tickets.size());
    assertThat(db.count("SELECT COUNT(DISTINCT case_id) FROM report "
        + "WHERE channel_ticket_id LIKE ?", ticketPrefix + "-%"))
        .as("a case of its own for every report (each is about another child)")
        .isEqualTo(tickets.size());
    assertThat(db.rows("SELECT child_id FROM protection_case GROUP BY child_id "
        + "HAVING COUNT(*) > 1")).as("children with two cases").isEmpty();
    load.answered().forEach((ticket, answer) -> assertThat(db.column(
            "SELECT c.case_number FROM report r JOIN protection_case c ON c.id = r.case_id "
                + "WHERE r.channel_ticket_id = ?", ticket))
        .as("the case the caller of " + ticket + " was told").containsExactly(answer.caseNumber()));
    assertThat(db.rows("SELECT business_key_ FROM act_hi_procinst "
        + "WHERE proc_def_key_ = 'child-protection-case' GROUP BY business_key_ "
        + "HAVING COUNT(*) > 1")).as("cases with two process instances").isEmpty();
    assertThat(db.rows("SELECT c.case_number FROM protection_case c LEFT JOIN act_hi_procinst p "
        + "ON p.id_ = c.process_instance_id AND p.business_key_ = c.case_number "
        + "WHERE p.id_ IS NULL")).as("cases without their process instance").isEmpty();
  }

  /**
   * Nothing stuck or failed: every open case's instance runs and waits at a user task, no job
   * is out of retries, no incident is open, and every due timer has fired.
   */
  static void nothingStuck(Database db) {
    assertThat(db.rows("SELECT c.case_number FROM protection_case c WHERE c.status = 'OPEN' "
        + "AND NOT EXISTS (SELECT 1 FROM act_ru_task t "
        + "WHERE t.proc_inst_id_ = c.process_instance_id)"))
        .as("open cases whose instance waits at no task").isEmpty();
    assertThat(db.rows("SELECT id_, handler_type_, exception_msg_ FROM act_ru_job "
        + "WHERE retries_ = 0")).as("jobs out of retries").isEmpty();
    assertThat(db.rows("SELECT incident_type_, activity_id_ FROM act_ru_incident"))
        .as("open incidents").isEmpty();
    assertThat(db.rows("SELECT id_, handler_type_, duedate_ FROM act_ru_job "
        + "WHERE duedate_ < localtimestamp - INTERVAL '5 seconds'"))
        .as("timers and retries due more than 5 s ago").isEmpty();
  }

  /** No job ran to its end twice; returns the job log's successful runs per host. */
  static Map<String, Long> noJobRanTwice(Database db) {
    assertThat(db.rows("SELECT job_id_, COUNT(*) AS runs FROM act_hi_job_log "
        + "WHERE job_state_ = ? GROUP BY job_id_ HAVING COUNT(*) > 1", JOB_SUCCESSFUL))
        .as("jobs that ran to their end twice").isEmpty();
    Map<String, Long> perHost = new java.util.TreeMap<>();
    db.rows("SELECT hostname_, COUNT(*) AS runs FROM act_hi_job_log WHERE job_state_ = ? "
            + "GROUP BY hostname_", JOB_SUCCESSFUL)
        .forEach(row -> perHost.put(String.valueOf(row.get("hostname_")),
            ((Number) row.get("runs")).longValue()));
    return perHost;
  }

  /**
   * Every case's notifications went out once each (the outbox row is keyed by the job):
   * the center's for every case, and for every case in danger the police's and, its triage
   * left open past the deadline, the escalation to civil affairs when the timer fired.
   */
  static void notifiedOnceEach(Database db, Workload load) {
    for (String ticket : load.sent()) {
      String caseNumber = (String) db.single("SELECT c.case_number FROM report r "
          + "JOIN protection_case c ON c.id = r.case_id WHERE r.channel_ticket_id = ?", ticket);
      Map<String, Long> outbox = new java.util.HashMap<>();
      db.rows("SELECT recipient, COUNT(*) AS sent FROM notification WHERE case_number = ? "
              + "AND channel = 'OUTBOX' GROUP BY recipient", caseNumber)
          .forEach(row -> outbox.put((String) row.get("recipient"),
              ((Number) row.get("sent")).longValue()));
      Map<String, Long> expected = load.urgent(ticket)
          ? Map.of("protection-center", 1L, "police", 1L, "civil-affairs", 1L)
          : Map.of("protection-center", 1L);
      assertThat(outbox).as("notifications of case " + caseNumber).isEqualTo(expected);
      String instance = (String) db.single(
          "SELECT process_instance_id FROM protection_case WHERE case_number = ?", caseNumber);
      assertThat(db.count("SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? "
              + "AND act_id_ = 'TriageOverdue'", instance))
          .as("triage deadline timer of case " + caseNumber + " fired")
          .isEqualTo(load.urgent(ticket) ? 1 : 0);
    }
  }

  /** Every completion a user was answered 204 for stayed done. */
  static void completionsKept(Database db, Workload load) {
    load.completedTasks().forEach((taskId, taskKey) -> {
      assertThat(db.count("SELECT COUNT(*) FROM act_hi_taskinst WHERE id_ = ? "
          + "AND end_time_ IS NOT NULL", taskId)).as("completed " + taskKey).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM act_ru_task WHERE id_ = ?", taskId))
          .as(taskKey + " not open again").isZero();
    });
  }
}
