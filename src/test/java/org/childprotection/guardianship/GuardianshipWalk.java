package org.childprotection.guardianship;

import static org.childprotection.casework.CaseFixtures.applicationDecision;
import static org.childprotection.casework.CaseFixtures.interventionConference;
import static org.childprotection.casework.CaseFixtures.investigation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.ProcessDriver;

/**
 * Brings cases into their guardianship procedure: a case opened by a police report, its procedure
 * started where the case's call activity starts it, or entered at a later step with what the steps
 * before it leave, so that a test of the court or of what follows a judgment does not replay the
 * investigation and the conference.
 */
public final class GuardianshipWalk {

  private final Function<String, Http> asUser;
  private final ProcessEngine engine;
  private final ProcessDriver drive;

  /** A walk that calls the API as the demo user named (a test's {@code as}). */
  public GuardianshipWalk(Function<String, Http> asUser, ProcessEngine engine) {
    this.asUser = asUser;
    this.engine = engine;
    this.drive = new ProcessDriver(engine);
  }

  /** A case opened by a police report of domestic violence in the district; its instance. */
  public String openedCase(String district) {
    return CaseFixtures.open(asUser.apply("police"), drive, CaseFixtures.with(
        CaseFixtures.report(district, false, "DOMESTIC_VIOLENCE"), "channel", "POLICE_110"));
  }

  /**
   * The case's procedure, started where the case's call activity starts it; its instance. What
   * the case hands it ({@code interventionEntry}, {@code custodySince}) is given as the procedure
   * starts again from its start event with them: the call activity passes them once the case
   * model maps them.
   */
  public String procedure(String root, Map<String, Object> handedIn) {
    String procedure = started(root);
    if (!handedIn.isEmpty()) {
      drive.moveTo(procedure, "interventionStarted", handedIn);
    }
    drive.runJobs(root);
    return procedure;
  }

  /**
   * The case's procedure with its investigation moved on to this step and what the steps before it
   * would have left; the police and 保护令 branches wait as they would.
   */
  public String procedureAt(String root, String activityId, Map<String, Object> variables) {
    String procedure = started(root);
    drive.moveBranch(procedure, "investigateFamily", activityId, variables);
    drive.runJobs(root);
    return procedure;
  }

  /** What the investigation's report and the conference leave, both concluding so. */
  public static Map<String, Object> investigated(String conclusion) {
    Map<String, Object> left = new HashMap<>(investigation(conclusion));
    left.putAll(interventionConference(conclusion, CaseFixtures.CONFERENCE_ACTIONS));
    return left;
  }

  /**
   * The case's procedure at the court: 民政 decided to apply on this ground after an investigation
   * and a conference that recommended it, and the application is filed and handed to the court.
   */
  public String atCourt(String root, String ground) {
    Map<String, Object> before = investigated("REVOKE");
    before.putAll(applicationDecision(ground, false));
    return procedureAt(root, "fileApplication", before);
  }

  /** The investigation's report and the conference, both concluding so. */
  public void investigate(String root, String conclusion) {
    drive.complete(root, "investigateFamily", investigation(conclusion));
    drive.complete(root, "interventionConference",
        interventionConference(conclusion, CaseFixtures.CONFERENCE_ACTIONS));
  }

  /** A new case whose procedure has its investigation report: the conference is next. */
  public String upToConference(String district) {
    String root = openedCase(district);
    procedure(root, Map.of());
    drive.complete(root, "investigateFamily", investigation("MEASURES"));
    return root;
  }

  /**
   * A new 栖霞 case whose procedure has decided to apply to the court, the court hand-off job
   * left unrun.
   */
  public String upToApplication() {
    String root = openedCase("qixia");
    procedure(root, Map.of());
    investigate(root, "REVOKE");
    engine.getTaskService().complete(drive.task(root, "decideApplication").getId(),
        applicationDecision("NEGLECT_6_MONTHS", false));
    return root;
  }

  private String started(String root) {
    engine.getRuntimeService().createProcessInstanceModification(root)
        .startBeforeActivity("guardianshipTransfer").execute();
    return drive.called(root, "guardianship-transfer");
  }

  /** A variable of the case's latest procedure, as it is now or was when it ended. */
  public Object variable(String root, String name) {
    return drive.variables(drive.called(root, "guardianship-transfer")).get(name);
  }

  public String applicationNumber(String root) {
    return (String) variable(root, "applicationNumber");
  }
}
