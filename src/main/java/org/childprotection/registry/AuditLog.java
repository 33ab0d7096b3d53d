package org.childprotection.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who read or changed which case, for the audit the personal-information law asks for. */
@Repository
public class AuditLog {

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, String action, String caseNumber) {
    jdbc.sql("INSERT INTO audit_log (user_id, action, case_number, at) VALUES (?, ?, ?, ?)")
        .params(userId == null ? "system" : userId, action, caseNumber, Children.now())
        .update();
  }
}
