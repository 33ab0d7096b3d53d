package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.childprotection.assessment.RiskLevel;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.guardianship.GuardianshipWalk;
import org.childprotection.intake.Channel;
import org.childprotection.organisation.District;
import org.childprotection.organisation.MemberUnit;
import org.childprotection.registry.Category;
import org.childprotection.support.Browser;
import org.childprotection.support.PlatformTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 16's "done when": every form of every process, opened in Tasklist in a Chinese browser
 * (each user task, and the start forms of 发起流程), shows no English word and no raw code — in
 * the form's text, its labels, descriptions, placeholders, the options of its dropdowns, the
 * messages of its required fields, and in the task's header (tenant, process, groups).
 *
 * <p>Each user task is made the cheap way: a real case (or survey) walked a few steps, then
 * every user task of the deployed model that is not open yet is started by a process instance
 * modification, so that no task of a model is missed. The administrator {@code demo} sees them
 * all; the browser logs in once for the class. What each form shows is written to
 * target/forms-in-chinese/{process}.txt, with a screenshot per form in target/e2e-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsInChineseTest extends PlatformTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPORTS = Path.of("target", "forms-in-chinese");

  /**
   * What may stay in Latin letters, each for a reason: the numbers people quote, the case
   * number (SPEC 3) and the court application's number (申请编号); the check character of an ID
   * number; and the file formats and encodings of the ledger template (what the file dialog
   * and Excel call them).
   */
  private static final List<Pattern> ALLOWED = Stream.of(
      "NJ-\\d{4}-\\d{6}", "SQ-\\d{4}-\\d{5}", "末位可为X", "\\.(xlsx|csv)", "\\b(UTF-8|GBK)\\b")
      .map(Pattern::compile).toList();
  private static final Pattern LATIN = Pattern.compile(
      "[A-Za-z][A-Za-z0-9_.\\-]*(?:[ /]+[A-Za-z][A-Za-z0-9_.\\-]*)*");

  /**
   * Opens every dropdown and every date picker, and touches every input so that its required
   * message shows.
   */
  private static final String READ_FORM = """
      const [scopeSelector, headerSelector] = arguments;
      const done = arguments[arguments.length - 1];
      const pause = (ms) => new Promise(resolve => setTimeout(resolve, ms));
      (async () => {
        const scope = document.querySelector(scopeSelector);
        const form = scope.querySelector('.fjs-container');
        const options = [];
        for (const field of form.querySelectorAll('.fjs-form-field-select')) {
          const display = field.querySelector('.fjs-select-display');
          const search = field.querySelector('input.fjs-input');
          if (display) {
            display.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
          } else if (search) {
            search.focus();
          }
          await pause(150);
          field.querySelectorAll('.fjs-dropdownlist-item').forEach(i => options.push(i.innerText));
          if (display) {
            display.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
          } else if (search) {
            search.blur();
          }
          await pause(50);
        }
        const pickers = [];
        for (const input of form.querySelectorAll('input:not([type=checkbox]):not([type=radio])'
            + ':not(.fjs-select-hidden-input):not([disabled]), textarea:not([disabled])')) {
          input.focus();
          if (input.closest('.fjs-form-field-datetime')) {
            await pause(150);
            document.querySelectorAll('.flatpickr-calendar.open')
              .forEach(c => pickers.push(c.innerText.replace(/\\s+/g, ' ')));
            document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
          }
          input.blur();
        }
        await pause(300);
        const header = headerSelector ? document.querySelector(headerSelector) : null;
        done({
          header: header ? header.innerText : '',
          form: form.innerText,
          placeholders: [...form.querySelectorAll('[placeholder]')]
            .map(e => e.getAttribute('placeholder')).filter(p => p),
          options: options,
          datePickers: pickers
        });
      })();
      """;

  private Browser browser;
  private Set<String> rawCodes;
  private String guardianshipRoot;

  @BeforeAll
  void logInOnce() {
    browser = Browser.open(port);
    rawCodes = rawCodes();
    browser.login("tasklist", "demo");
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void childProtectionCase() {
    String root = CaseFixtures.open(as("center"), drive,
        CaseFixtures.reportNamed("表单检查儿童", "qixia", true, "LEFT_BEHIND"));
    drive.complete(root, "triage", CaseFixtures.triage("YELLOW", "LEFT_BEHIND"));
    // A referral to a member unit: its form names the unit.
    drive.complete(root, "assessFamily", CaseFixtures.with(CaseFixtures.yellowAnswers(),
        "needStudyAid", true, "noContactWithSchoolOrCommunity", true));

    assertInChinese("child-protection-case", root);
  }

  /**
   * The procedure after a judgment that revoked guardianship: the steps that only a judged
   * application allows (restoration, adoption) can then be started too.
   */
  @Test
  void guardianshipTransfer() {
    String root = new GuardianshipWalk(this::as, engine).upToApplication();
    drive.runJobs(root);
    String proceedings = drive.called(root, "court-proceedings");
    if (!drive.hasTask(root, "recordAcceptance")) {
      drive.moveBranch(proceedings, "awaitAcceptance", "recordAcceptance", Map.of());
    }
    String today = LocalDate.now(NANJING).toString();
    drive.complete(root, "recordAcceptance", Map.of("courtCaseNumber", "（2026）苏0113民特9号",
        "acceptedDate", today));
    drive.complete(root, "recordRuling", Map.of("rulingOutcome", "REVOKED",
        "rulingDate", today, "appointedGuardian", "祖母"));
    assertInChinese("guardianship-transfer", drive.called(root, "guardianship-transfer"));
  }

  @Test
  void courtProceedings() {
    assertInChinese("court-proceedings", drive.called(guardianship(), "court-proceedings"));
  }

  @Test
  void districtSurvey() {
    String launch = engine.getRuntimeService().startProcessInstanceByKey("survey-launch",
        Map.of("district", "gulou", "surveyDeadline", LocalDate.now().plusDays(30).toString(),
            "surveyNote", "请各街道按模板采集")).getId();
    String survey = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(launch).variableName("surveyProcessInstanceId").singleResult()
        .getValue();

    assertInChinese("district-survey", survey);
  }

  @Test
  void caseRegistration() {
    assertInChinese("case-registration", null);
  }

  @Test
  void surveyLaunch() {
    assertInChinese("survey-launch", null);
  }

  /**
   * A qixia case walked to its guardianship application, as the court hand-off test walks it,
   * and handed to the court (in Tasklist, no court system being configured); made once for the
   * guardianship and the court.
   */
  private String guardianship() {
    if (guardianshipRoot == null) {
      guardianshipRoot = new GuardianshipWalk(this::as, engine).upToApplication();
      drive.runJobs(guardianshipRoot);
    }
    return guardianshipRoot;
  }

  /**
   * Opens the start form (if any) and every user task of the process's latest model, in the
   * instance given, and asserts that none shows a Latin word outside {@link #ALLOWED}.
   */
  private void assertInChinese(String processKey, String instanceId) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    BpmnModelInstance model = engine.getRepositoryService()
        .getBpmnModelInstance(definition.getId());
    Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        shown.put("start form " + start.getCamundaFormRef(), startForm(processKey,
            definition.getName()));
      }
    }
    List<UserTask> userTasks = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    if (!userTasks.isEmpty()) {
      assertThat(instanceId).as("an instance of " + processKey).isNotNull();
    }
    for (UserTask userTask : userTasks) {
      Task task = openTask(instanceId, userTask.getId());
      shown.put("task " + userTask.getId() + " (form " + userTask.getCamundaFormRef() + ")",
          taskForm(task, processKey));
    }
    assertThat(shown).as("forms of " + processKey).isNotEmpty();

    Map<String, List<String>> problems = new TreeMap<>();
    StringBuilder record = new StringBuilder();
    shown.forEach((form, parts) -> {
      record.append("== ").append(form).append('\n');
      parts.forEach((part, value) -> {
        record.append("-- ").append(part).append('\n').append(value).append('\n');
        for (String word : latinWords(String.valueOf(value))) {
          problems.computeIfAbsent(form, f -> new ArrayList<>())
              .add(part + ": " + word + (rawCodes.contains(word) ? " (raw code)" : ""));
        }
      });
    });
    write(processKey, record.toString(), problems);
    assertThat(problems).as("Latin words and raw codes on the forms of " + processKey
        + " (what each form shows: " + REPORTS.resolve(processKey + ".txt") + ")").isEmpty();
  }

  /**
   * What the steps before a task would have answered, where a task's own timers read it (the
   * court's acceptance date, the protection order's urgency): a task started by a modification
   * skips those steps.
   */
  /** The platform's day (the test JVM runs in UTC). */
  private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");

  private static final Map<String, Object> ARRIVED_WITH = Map.of(
      "acceptedDate", LocalDate.now(NANJING).toString(), "protectionOrderUrgent", false,
      "custodySince", LocalDate.now(NANJING).toString(),
      "protectionOrderAcceptedAt", LocalDate.now(NANJING).toString() + "T09:00:00+08:00",
      "protectionOrderDecidedDate", LocalDate.now(NANJING).toString(),
      "protectionOrderLastDay", LocalDate.now(NANJING).plusMonths(6).toString(),
      "measureAuthorityGroup", "police");

  /** The open task of this key in the instance, started by a modification if there is none. */
  private Task openTask(String instanceId, String taskKey) {
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(taskKey).list();
    if (open.isEmpty()) {
      engine.getRuntimeService().createProcessInstanceModification(instanceId)
          .startBeforeActivity(taskKey).setVariables(ARRIVED_WITH).execute();
      open = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
          .taskDefinitionKey(taskKey).list();
    }
    assertThat(open).as("task " + taskKey).isNotEmpty();
    Task task = open.get(0);
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), "demo");
    }
    return task;
  }

  private Map<String, Object> taskForm(Task task, String processKey) {
    browser.openTask(task.getId());
    browser.waitFor(By.xpath("//section[contains(@class,'task-card')]//h2[normalize-space()='"
        + task.getName() + "']"));
    browser.tab("表单");
    browser.waitFor(By.cssSelector(".task-card .fjs-container .fjs-form-field"));
    Map<String, Object> shown = read(".task-card", ".task-card > header");
    browser.shot("forms-" + processKey + "-" + task.getTaskDefinitionKey());
    return shown;
  }

  private Map<String, Object> startForm(String processKey, String processName) {
    browser.get("/camunda/app/tasklist/default/#/");
    browser.click(browser.waitFor(By.xpath("//a[contains(normalize-space(),'发起流程')]")));
    browser.click(browser.waitFor(By.xpath(
        "//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]"
            + "//a[normalize-space()='" + processName + "']")));
    browser.waitFor(By.cssSelector(".modal-content .fjs-container .fjs-form-field"));
    Map<String, Object> shown = read(".modal-content", ".modal-content .modal-header");
    browser.shot("forms-" + processKey + "-start");
    WebElement close = browser.driver().findElement(By.xpath(
        "//div[contains(@class,'modal-content')]//button[normalize-space()='关闭']"));
    browser.click(close);
    browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector(".modal-content")));
    return shown;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String scope, String header) {
    return (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeAsyncScript(READ_FORM, scope, header);
  }

  /**
   * The Latin words of a text (a phrase such as "Field is required." or "mm/dd/yyyy" as one),
   * after the allowed ones are taken out, each once.
   */
  static Set<String> latinWords(String text) {
    String rest = text;
    for (Pattern allowed : ALLOWED) {
      rest = allowed.matcher(rest).replaceAll(" ");
    }
    Set<String> words = new LinkedHashSet<>();
    Matcher matcher = LATIN.matcher(rest);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /** The platform's codes, to tell a raw code from an English word in the failure. */
  private Set<String> rawCodes() {
    Set<String> codes = new LinkedHashSet<>();
    Arrays.stream(District.values()).forEach(d -> {
      codes.add(d.code());
      codes.add(d.groupId());
    });
    Arrays.stream(MemberUnit.values()).forEach(u -> codes.add(u.groupId()));
    Arrays.stream(RiskLevel.values()).forEach(l -> codes.add(l.name()));
    Arrays.stream(Category.values()).forEach(c -> codes.add(c.name()));
    Arrays.stream(Channel.values()).forEach(c -> codes.add(c.name()));
    engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
        .forEach(d -> codes.add(d.getKey()));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        JSON.readTree(form.toFile()).findValuesAsText("key").forEach(codes::add);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return codes;
  }

  private static void write(String processKey, String shown, Map<String, List<String>> problems) {
    StringBuilder text = new StringBuilder(shown);
    text.append("\n== Latin words and raw codes\n");
    problems.forEach((form, words) -> text.append(form).append(": ").append(words).append('\n'));
    try {
      Files.createDirectories(REPORTS);
      Files.writeString(REPORTS.resolve(processKey + ".txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
