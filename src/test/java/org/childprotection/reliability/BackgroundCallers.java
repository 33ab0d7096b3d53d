package org.childprotection.reliability;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.childprotection.support.AppProcess;

/**
 * Callers at work until stopped: one thread sends new reports, another completes tasks (the
 * center triages cases not in danger, the police answer the call-outs), each call to one of the
 * given apps at random, as a load balancer would spread them. Calls to a dead app fail and are
 * remembered as unanswered by the {@link Workload}.
 */
final class BackgroundCallers {

  private static final List<String> DISTRICTS = List.of("gulou", "qixia", "jianye");
  private static final Map<String, Object> TRIAGE = Map.of("urgent", false,
      "triageOutcome", "ASSESS", "triageLevel", "YELLOW",
      "triageNote", "可靠性测试：转区社工走访评估",
      "confirmedCategories", Map.of("value", "[\"LEFT_BEHIND\"]", "type", "Json"));
  private static final Map<String, Object> POLICE = Map.of("needsTemporaryCare", false,
      "policeNote", "可靠性测试：已处置");

  private final List<Thread> threads;
  private volatile boolean running = true;

  private BackgroundCallers(List<AppProcess> apps, Workload work, long seed) {
    Random random = new Random(seed);
    long reporterSeed = random.nextLong();
    long workerSeed = random.nextLong();
    threads = List.of(
        new Thread(() -> {
          Random choice = new Random(reporterSeed);
          while (running) {
            AppProcess app = apps.get(choice.nextInt(apps.size()));
            work.reportNew(app.as("center"),
                DISTRICTS.get(choice.nextInt(DISTRICTS.size())));
          }
        }, "load-reports"),
        new Thread(() -> {
          Random choice = new Random(workerSeed);
          while (running) {
            AppProcess app = apps.get(choice.nextInt(apps.size()));
            boolean worked = choice.nextBoolean()
                ? work.completeOne(app.as("center"), "triage", false, TRIAGE)
                : work.completeOne(app.as("police"), "policeResponse", true, POLICE);
            if (!worked) {
              pause(100);
            }
          }
        }, "load-tasks"));
    threads.forEach(Thread::start);
  }

  static BackgroundCallers start(AppProcess app, Workload work, long seed) {
    return new BackgroundCallers(List.of(app), work, seed);
  }

  static BackgroundCallers start(List<AppProcess> apps, Workload work, long seed) {
    return new BackgroundCallers(apps, work, seed);
  }

  /** Stops the callers and waits for their last calls to end (or fail). */
  void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(70_000);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
