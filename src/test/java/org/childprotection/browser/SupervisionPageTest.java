package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Browser;
import org.childprotection.support.BrowserTest;
import org.childprotection.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The supervisors' page in Cockpit (督导), in a Chinese browser: reached from its menu entry,
 * the totals first, the districts in one table, every overdue task with how late it is, whose it
 * is and a link that opens its case in Tasklist; every number the same as the API's. A district's
 * worker gets neither the page nor the city's figures. The screenshot is the README's picture.
 */
class SupervisionPageTest extends BrowserTest {

  private static final String[] LEVELS = {"RED", "ORANGE", "YELLOW", "GREEN", "UNASSESSED"};
  private static final String[] CATEGORIES = {"STREET_BEGGING", "GUARDIANSHIP_LACKING",
      "LEFT_BEHIND", "DOMESTIC_VIOLENCE", "SPECIAL_HARDSHIP"};

  @Test
  void theSupervisorSeesTheCityTheDistrictsAndEveryOverdueTaskWithItsCase() {
    String gulou = open("gulou", "LEFT_BEHIND");
    String caseNumber = drive.businessKey(gulou);
    Task triage = drive.task(gulou, "triage");
    drive.dueAgo(triage, Duration.ofDays(2).plusHours(5).plusMinutes(30));
    String qixia = open("qixia", "SPECIAL_HARDSHIP");
    drive.complete(qixia, "triage", CaseFixtures.triage("YELLOW", "SPECIAL_HARDSHIP"));
    Task assessment = drive.task(qixia, "assessFamily");
    engine.getTaskService().setAssignee(assessment.getId(), "qixia");
    drive.dueAgo(drive.task(qixia, "assessFamily"), Duration.ofHours(6).plusMinutes(10));
    drive.dueAgo(drive.task(open("xuanwu", "STREET_BEGGING"), "triage"), Duration.ofMinutes(40));
    assess("jiangning", "DOMESTIC_VIOLENCE", CaseFixtures.yellowAnswers());
    assess("gulou", "GUARDIANSHIP_LACKING", CaseFixtures.orangeAnswers());

    browser.login("cockpit", "supervisor");
    long chrome = (Long) browser.script("return window.outerHeight - window.innerHeight;");
    browser.resize(1400, 1000 + (int) chrome);
    browser.click(browser.waitFor(By.xpath(
        "//ul[@cam-if-logged-in]//a[normalize-space()='督导']")));
    browser.waitFor(By.cssSelector(".mp-sv-overdue tr[data-task='" + triage.getId() + "']"));
    browser.shot("40-supervision-page");
    Browser.publish("40-supervision-page", "supervision-page.png");

    // top to bottom: the city's totals, the districts, the overdue tasks
    WebElement late = row(triage.getId());
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/supervision");
    String page = text(browser.driver().findElement(By.id("mp-supervision")));
    assertThat(page.indexOf("全市")).isLessThan(page.indexOf("各区对比"));
    assertThat(page.indexOf("各区对比")).isLessThan(page.indexOf("逾期任务（"));
    assertThat(page.replace("CSV", "").replaceAll("NJ-\\d{4}-\\d{6}", ""))
        .as("all Chinese").doesNotContainPattern("[A-Za-z]");
    assertThat(text(late)).contains("逾期 2 天 5 小时").contains("保护中心分诊")
        .contains("市未成年人保护中心（待认领）").contains("鼓楼区").contains(caseNumber);
    assertThat(text(row(assessment.getId()))).contains("逾期 6 小时 10 分钟")
        .contains("演示栖霞区社工").contains("栖霞区");

    // the same figures as the API
    JsonNode api = as("supervisor").get("/api/supervision/kpis").json();
    WebElement totals = browser.driver().findElement(By.cssSelector(".mp-sv-totals"));
    JsonNode total = api.get("total");
    assertThat(figure(totals, "openCases")).isEqualTo(String.valueOf(sum(total.get("openCasesByLevel"))));
    assertThat(figure(totals, "overdueTasks")).isEqualTo(total.get("overdueTaskCount").asText());
    assertThat(figure(totals, "incidents")).isEqualTo(total.get("incidentCount").asText());
    assertThat(figure(totals, "overdueReferrals"))
        .isEqualTo(String.valueOf(sum(total.get("overdueReferralsByUnit"))));
    assertThat(figure(totals, "closures")).isEqualTo(String.valueOf(sum(total.get("closuresByReason"))));
    assertThat(figure(totals, "visits")).isEqualTo(visits(total));
    assertHours(figure(totals, "hoursToTriage"), total.get("hoursToTriage").get("median"));
    assertHours(figure(totals, "hoursToAssessment"), total.get("hoursToAssessment").get("median"));
    for (String level : LEVELS) {
      assertThat(figure(totals, "level-" + level)).as(level)
          .isEqualTo(String.valueOf(count(total.get("openCasesByLevel"), level)));
    }
    List<JsonNode> rows = new ArrayList<>();
    api.get("districts").forEach(rows::add);
    rows.add(total);
    assertThat(browser.driver().findElements(By.cssSelector(".mp-sv-districts tbody tr")))
        .hasSize(11);
    for (JsonNode expected : rows) {
      WebElement shown = browser.driver().findElement(By.cssSelector(
          ".mp-sv-districts tr[data-district='" + expected.get("district").asText() + "']"));
      assertThat(text(shown.findElement(By.tagName("th"))))
          .isEqualTo(expected.get("name").asText());
      assertDistrict(shown, expected);
    }
    assertThat(text(browser.driver().findElement(By.cssSelector(
        ".mp-sv-districts tr[data-district='gulou'] th")))).isEqualTo("鼓楼区");
    List<String> shownTasks = browser.driver().findElements(By.cssSelector(
        ".mp-sv-overdue tbody tr")).stream().map(r -> r.getAttribute("data-task")).toList();
    List<String> apiTasks = new ArrayList<>();
    api.get("overdueTasks").forEach(t -> apiTasks.add(t.get("taskId").asText()));
    assertThat(shownTasks).as("every overdue task, in the API's order").isEqualTo(apiTasks);
    assertThat(shownTasks.indexOf(triage.getId())).as("most late first")
        .isLessThan(shownTasks.indexOf(assessment.getId()));
    for (JsonNode t : api.get("overdueTasks")) {
      if (t.get("taskId").asText().equals(triage.getId())) {
        assertThat(text(late)).contains(t.get("lateness").asText())
            .contains(t.get("owner").asText());
      }
    }
    assertThat(browser.driver().findElement(By.cssSelector(".mp-sv-csv"))
        .getAttribute("href")).contains("/api/supervision/kpis.csv");

    // the case opens in Tasklist's 案卷, in a tab of its own, with the same login
    String cockpit = browser.driver().getWindowHandle();
    browser.click(late.findElement(By.cssSelector("a.mp-case-link")));
    browser.waiting().until(d -> d.getWindowHandles().size() == 2);
    browser.driver().getWindowHandles().stream().filter(h -> !h.equals(cockpit)).findFirst()
        .ifPresent(h -> browser.driver().switchTo().window(h));
    WebElement file = browser.waitFor(By.cssSelector(".mp-panel .mp-case-head"));
    browser.waiting().until(ExpectedConditions.textToBePresentInElement(file, caseNumber));
    browser.shot("41-supervision-case-opened");
    assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/tasklist/");
    assertThat(browser.driver().findElement(By.cssSelector(".mp-panel")).getText())
        .contains("测试儿童").contains("鼓楼区");
  }

  @Test
  void aDistrictWorkerGetsNeitherThePageNorTheCitysFigures() {
    browser.get("/camunda/app/cockpit/default/#/supervision");
    WebElement name = browser.waitFor(By.cssSelector("input[type='text']"));
    name.sendKeys("gulou");
    browser.driver().findElement(By.cssSelector("input[type='password']")).sendKeys("gulou");
    browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
    browser.waitForText("缺少应用访问权限");
    browser.shot("42-supervision-gulou-refused");
    browser.get("/camunda/app/cockpit/default/#/supervision");
    Browser.sleep(2000);

    assertThat(browser.driver().findElements(By.cssSelector("input[type='password']")))
        .as("still at the login").isNotEmpty();
    assertThat(browser.driver().findElements(By.id("mp-supervision"))).isEmpty();
    Http cockpit = anonymous();
    assertThat(cockpit.loginToWebapp("cockpit", "gulou", "gulou").status()).isNotEqualTo(200);
    assertThat(as("gulou").get("/api/supervision/kpis?district=qixia").status()).isEqualTo(403);
    assertThat(as("gulou").get("/api/supervision/kpis.csv?district=qixia").status())
        .isEqualTo(403);
    JsonNode own = as("gulou").get("/api/supervision/kpis").json();
    assertThat(own.get("total").get("name").asText()).as("not the city's").isEqualTo("合计");
    own.get("overdueTasks").forEach(t -> assertThat(t.get("district").asText())
        .isEqualTo("gulou"));
  }

  private String open(String district, String category) {
    return CaseFixtures.open(as("center"), drive, CaseFixtures.report(district, false, category));
  }

  /** A new case, triaged, then assessed with these answers: the case gets its level. */
  private void assess(String district, String category, Map<String, Object> answers) {
    String root = open(district, category);
    drive.complete(root, "triage", CaseFixtures.triage("YELLOW", category));
    drive.complete(root, "assessFamily", answers);
  }

  /** An overdue task's row, scrolled to (Cockpit's content scrolls inside its own box). */
  private WebElement row(String taskId) {
    WebElement row = browser.driver().findElement(By.cssSelector(
        ".mp-sv-overdue tr[data-task='" + taskId + "']"));
    browser.script("arguments[0].scrollIntoView(true);", row);
    return row;
  }

  /**
   * The text the page renders in the element, wherever Cockpit's content box is scrolled
   * (WebDriver's getText leaves out what is scrolled out of that box).
   */
  private String text(WebElement element) {
    return ((String) browser.script("return arguments[0].innerText;", element)).trim();
  }

  private String figure(WebElement within, String figure) {
    return text(within.findElement(By.cssSelector("[data-figure='" + figure + "']")));
  }

  private void assertDistrict(WebElement shown, JsonNode expected) {
    String district = expected.get("district").asText();
    assertThat(figure(shown, "openCases")).as(district)
        .isEqualTo(String.valueOf(sum(expected.get("openCasesByLevel"))));
    for (String level : LEVELS) {
      assertThat(figure(shown, "level-" + level)).as(district + " " + level)
          .isEqualTo(String.valueOf(count(expected.get("openCasesByLevel"), level)));
    }
    for (String category : CATEGORIES) {
      assertThat(figure(shown, "category-" + category)).as(district + " " + category)
          .isEqualTo(String.valueOf(count(expected.get("openCasesByCategory"), category)));
    }
    assertThat(figure(shown, "overdueTasks")).as(district)
        .isEqualTo(expected.get("overdueTaskCount").asText());
    assertThat(figure(shown, "overdueReferrals")).as(district)
        .isEqualTo(String.valueOf(sum(expected.get("overdueReferralsByUnit"))));
    assertThat(figure(shown, "incidents")).as(district)
        .isEqualTo(expected.get("incidentCount").asText());
    assertHours(figure(shown, "hoursToTriage"), expected.get("hoursToTriage").get("median"));
    assertHours(figure(shown, "hoursToTriageP90"), expected.get("hoursToTriage").get("p90"));
    assertHours(figure(shown, "hoursToAssessment"),
        expected.get("hoursToAssessment").get("median"));
    assertHours(figure(shown, "hoursToAssessmentP90"),
        expected.get("hoursToAssessment").get("p90"));
    assertThat(figure(shown, "visits")).as(district).isEqualTo(visits(expected));
    assertThat(figure(shown, "closures")).as(district)
        .isEqualTo(String.valueOf(sum(expected.get("closuresByReason"))));
  }

  private static void assertHours(String shown, JsonNode hours) {
    if (hours == null || hours.isNull()) {
      assertThat(shown).isEqualTo("—");
    } else {
      assertThat(Double.parseDouble(shown)).isEqualTo(hours.asDouble());
    }
  }

  private static String visits(JsonNode figures) {
    return figures.get("visits").get("done").asText() + "/"
        + figures.get("visits").get("due").asText();
  }

  private static long sum(JsonNode counts) {
    long sum = 0;
    for (Iterator<JsonNode> values = counts.elements(); values.hasNext(); ) {
      sum += values.next().asLong();
    }
    return sum;
  }

  private static long count(JsonNode counts, String key) {
    return counts.has(key) ? counts.get(key).asLong() : 0;
  }
}
