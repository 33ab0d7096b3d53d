package org.childprotection.reliability;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.childprotection.registry.IdNumber;
import org.childprotection.support.Http;

/**
 * The work the reliability tests put on running apps, as outside callers do it: reports
 * through {@code POST /api/reports} (each about a child of its own, every third one in
 * immediate danger, so its triage deadline is short) and task completions through the engine
 * REST API. It remembers what each caller was told, so that the tests can hold the apps to it.
 */
final class Workload {

  /** What the caller of a report was told: its status and case number. */
  record Answer(int status, String caseNumber, String outcome) {}

  private record Sent(int number, String district, boolean urgent) {}

  private final String ticketPrefix;
  private final AtomicInteger sequence = new AtomicInteger();
  /** The tickets whose caller got a 2xx, with what it said. */
  private final Map<String, Answer> answered = new ConcurrentHashMap<>();
  /** What each report said: its child's district and whether the child is in danger. */
  private final Map<String, Sent> reports = new ConcurrentHashMap<>();
  /** Tasks whose completion was answered 204, by the task's key. */
  private final Map<String, String> completedTasks = new ConcurrentHashMap<>();
  private final AtomicInteger failedCalls = new AtomicInteger();
  /** Answers no new valid report should get (a 4xx, or merged into another case). */
  private final List<String> unexpected = new CopyOnWriteArrayList<>();

  /**
   * A random for a test's choices, seeded from {@code -D<name>.seed=} or the clock; the seed is
   * printed so that a run can be repeated.
   */
  static Random seeded(String name) {
    long seed = Long.getLong(name + ".seed", System.nanoTime());
    System.out.println(name + ".seed=" + seed);
    return new Random(seed);
  }

  Workload(String ticketPrefix) {
    this.ticketPrefix = ticketPrefix;
  }

  /** Sends the next new report to this app; false when the call failed (no answer, 5xx). */
  boolean reportNew(Http caller, String district) {
    int number = sequence.incrementAndGet();
    String ticket = ticketPrefix + "-" + number;
    reports.put(ticket, new Sent(number, district, number % 3 == 0));
    try {
      Http.Response response = resend(caller, ticket);
      if (response.status() == 200) {
        unexpected.add(ticket + ": a report about a new child merged into another case");
      }
      if (response.status() / 100 == 2) {
        answered.putIfAbsent(ticket, new Answer(response.status(),
            response.json().get("caseNumber").asText(), response.json().get("status").asText()));
        return true;
      }
      if (response.status() < 500) {
        unexpected.add(ticket + ": " + response.status());
        return false;
      }
    } catch (UncheckedIOException | IllegalStateException noAnswer) {
      // the app died under the call: the caller does not know what happened
    }
    failedCalls.incrementAndGet();
    return false;
  }

  /** Sends a report again (the same ticket, the same child) and returns the answer. */
  Http.Response resend(Http caller, String ticket) {
    Sent report = reports.get(ticket);
    return caller.postJson("/api/reports",
        body(ticket, report.number(), report.district(), report.urgent()));
  }

  /**
   * Completes one open task with this key that the user may work on (the engine REST API, as
   * Tasklist does), with these answers; only cases started with this urgency. Returns whether
   * a task was completed.
   */
  boolean completeOne(Http user, String taskKey, boolean urgentCases,
      Map<String, Object> answers) {
    try {
      Http.Response tasks = user.postJson("/engine-rest/task?maxResults=5", Map.of(
          "taskDefinitionKey", taskKey,
          "processVariables", List.of(Map.of("name", "urgent", "operator", "eq",
              "value", urgentCases))));
      if (tasks.status() != 200 || tasks.json().isEmpty()) {
        return false;
      }
      String taskId = tasks.json().get(0).get("id").asText();
      Map<String, Object> variables = new HashMap<>();
      // An answer given as a typed value (a checklist's JSON) is sent as it is.
      answers.forEach((name, value) -> variables.put(name,
          value instanceof Map<?, ?> typed ? typed : Map.of("value", value)));
      Http.Response done = user.postJson("/engine-rest/task/" + taskId + "/complete",
          Map.of("variables", variables));
      if (done.status() == 204) {
        completedTasks.put(taskId, taskKey);
        return true;
      }
    } catch (UncheckedIOException | IllegalStateException noAnswer) {
      failedCalls.incrementAndGet();
    }
    return false;
  }

  /** Every ticket sent, answered or not. */
  Set<String> sent() {
    return Set.copyOf(reports.keySet());
  }

  Map<String, Answer> answered() {
    return Map.copyOf(answered);
  }

  boolean urgent(String ticket) {
    return reports.get(ticket).urgent();
  }

  Map<String, String> completedTasks() {
    return Map.copyOf(completedTasks);
  }

  List<String> unexpectedAnswers() {
    return List.copyOf(unexpected);
  }

  int failedCalls() {
    return failedCalls.get();
  }

  /** A valid report about a child of its own: the ID number follows from the ticket's number. */
  private static Map<String, Object> body(String ticket, int number, String district,
      boolean danger) {
    LocalDate birth = LocalDate.of(2014, 1, 1).plusDays(number);
    String idNumber = IdNumber.withCheckCharacter("320106" + birth.toString().replace("-", "")
        + String.format("%03d", number % 1000));
    Map<String, Object> report = new HashMap<>();
    report.put("channel", "HOTLINE_12345");
    report.put("channelTicketId", ticket);
    report.put("reporter", Map.of("name", "报告人", "phone", "025-12345678", "type", "NEIGHBOUR"));
    report.put("child", Map.of("name", "测试儿童", "idNumber", idNumber, "gender", "M"));
    report.put("location", Map.of("district", district, "street", "测试街道"));
    report.put("suspectedCategories", List.of("LEFT_BEHIND"));
    report.put("immediateDanger", danger);
    report.put("description", "可靠性测试报告");
    return report;
  }
}
