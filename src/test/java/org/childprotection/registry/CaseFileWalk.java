package org.childprotection.registry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Http;
import org.childprotection.support.ProcessDriver;

/**
 * Cases for the case-file API tests: each with a child of its own name, ID number, address and
 * guardian, walked through the model as the people of a case would (who completes a step is
 * recorded, as Tasklist records it).
 */
final class CaseFileWalk {

  private static final String GIVEN = "安柏晨丹芳桂涵华慧佳静娟凯兰丽琳玲敏楠琪蓉珊婷薇雯霞欣雪妍瑶怡颖悦芸臻";

  /** A case as opened: its number, instance, and the child's particulars. */
  record Opened(String caseNumber, String instance, String district, String name,
      String idNumber, String guardianName, String guardianPhone) {}

  private final ProcessEngine engine;
  private final ProcessDriver driver;

  CaseFileWalk(ProcessEngine engine) {
    this.engine = engine;
    this.driver = new ProcessDriver(engine);
  }

  /** A fresh child's name: a rare surname and two given characters. */
  static String newName() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "鞠" + GIVEN.charAt(random.nextInt(GIVEN.length()))
        + GIVEN.charAt(random.nextInt(GIVEN.length()));
  }

  /** Reports a case about a new child through the API (as the center). */
  Opened open(Http center, String district, boolean danger, String category) {
    String name = newName();
    String idNumber = CaseFixtures.idNumber(LocalDate.now().minusYears(9));
    String guardianName = "鞠" + GIVEN.charAt(ThreadLocalRandom.current().nextInt(GIVEN.length()))
        + "父";
    String guardianPhone = "139" + String.format("%08d",
        ThreadLocalRandom.current().nextInt(100_000_000));
    Map<String, Object> report = CaseFixtures.reportAbout(idNumber, district, danger, category);
    report.put("child", Map.of("name", name, "idNumber", idNumber, "gender", "F"));
    report.put("location", Map.of("district", district, "street", "湖南路街道",
        "community", "凤凰二村社区", "address", "青石巷17号"));
    report.put("guardians", List.of(Map.of("name", guardianName, "relation", "父亲",
        "phone", guardianPhone, "status", "外出务工")));
    report.put("reporter", Map.of("name", "邻居甲", "phone", "025-66668888",
        "type", "NEIGHBOUR"));
    String instance = CaseFixtures.open(center, driver, report);
    return new Opened(driver.businessKey(instance), instance, district, name, idNumber,
        guardianName, guardianPhone);
  }

  /** The center triages with an instruction for the district's social worker. */
  void triage(Opened opened, String category, String note) {
    completeAs("center", "protection-center", opened, "triage",
        CaseFixtures.with(CaseFixtures.triage("YELLOW", category), "triageNote", note));
  }

  /** The district's worker assesses: YELLOW, with the needs given (e.g. needSchooling). */
  void assess(Opened opened, String worker, String group, String... needs) {
    Map<String, Object> answers = new HashMap<>(CaseFixtures.yellowAnswers());
    for (String need : needs) {
      answers.put(need, true);
    }
    answers.put("assessmentNote", "父亲长期外出，孩子由祖母照看");
    completeAs(worker, group, opened, "assessFamily", answers);
  }

  /** Completes the open task as the user, so the history says who completed it. */
  void completeAs(String user, String group, Opened opened, String taskKey,
      Map<String, Object> variables) {
    String taskId = driver.task(opened.instance(), taskKey).getId();
    engine.getIdentityService().setAuthentication(user, List.of(group),
        List.of(opened.district()));
    try {
      engine.getTaskService().claim(taskId, user);
      engine.getTaskService().complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    driver.runJobs(opened.instance());
  }

  String taskId(Opened opened, String taskKey) {
    return driver.task(opened.instance(), taskKey).getId();
  }
}
