package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.support.Browser;
import org.childprotection.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What surrounds the forms, in a Chinese browser: each webapp's login page and app menu name the
 * apps in Chinese (not Welcome, Tasklist, Cockpit, Admin); Tasklist's search and sorting offer
 * nothing of CMMN, which the platform does not run (案例变量, 案例实例业务编号 …); every filter's
 * list says what it is sorted by, and is.
 */
class WebappChromeTest extends BrowserTest {

  private static final Map<String, String> APPS = Map.of("welcome", "平台首页",
      "tasklist", "任务列表", "cockpit", "流程监控", "admin", "系统管理");

  @Test
  void everyLoginPageNamesItsAppInChinese() {
    APPS.forEach((app, name) -> {
      browser.get("/camunda/app/" + app + "/default/");
      browser.waitFor(By.cssSelector("input[type='password']"));
      browser.waitForText(name);
      browser.shot("chrome-login-" + app);

      assertThat(browser.text()).as(app).doesNotContainPattern(
          "Welcome|Tasklist|Cockpit|Admin");
      assertThat(browser.driver().getTitle()).as(app).isEqualTo("未成年人社会保护平台 " + name);
      // The app menu (the house) lists the other apps, by their Chinese names too.
      browser.click(browser.waitFor(By.cssSelector(".app-switch .dropdown-toggle")));
      List<String> others = browser.driver().findElements(
              By.cssSelector(".app-switch .dropdown-menu li")).stream()
          .map(item -> item.getText().strip()).toList();
      assertThat(others).as(app + "'s app menu").hasSize(3)
          .allMatch(APPS::containsValue).doesNotContain(name);
    });
  }

  @Test
  void theTaskSearchAndSortingOfferNothingOfCmmn() {
    browser.login("tasklist", "gulou");
    WebElement search = browser.waitFor(By.cssSelector("[cam-widget-search] input.main-field"));

    search.sendKeys("例");
    List<String> offered = typeahead();
    browser.shot("chrome-search-types");
    assertThat(offered).as("search types with 例").contains("流程实例业务编号")
        .noneMatch(type -> type.contains("案例"));

    browser.click(browser.driver().findElement(
        By.cssSelector("[cam-sorting-choices] .sorting-choice .dropdown-toggle")));
    List<String> sortings = browser.driver().findElements(
            By.cssSelector("[cam-sorting-choices] .dropdown-menu li")).stream()
        .map(item -> item.getText().strip()).filter(text -> !text.isEmpty()).toList();
    browser.shot("chrome-sorting");
    assertThat(sortings).as("sortings").anyMatch(s -> s.startsWith("流程变量"))
        .noneMatch(s -> s.contains("案例"));
  }

  @Test
  void everyFilterSaysItIsSortedByDueDateAndIs() {
    for (int i = 0; i < 3; i++) {
      String instance = CaseFixtures.open(as("center"), drive,
          CaseFixtures.report("gulou", false, "LEFT_BEHIND"));
      Task triage = drive.task(instance, "triage");
      // Due dates out of creation order: a list by creation time would show another order.
      triage.setDueDate(Date.from(Instant.parse("2001-01-0" + (3 - i) + "T00:00:00Z")));
      engine.getTaskService().saveTask(triage);
      if (i == 0) {
        engine.getTaskService().claim(triage.getId(), "center");
      }
    }

    browser.login("tasklist", "center");
    for (String filter : List.of("我的任务", "本组待办", "全部任务")) {
      browser.click(browser.waitFor(By.xpath("//*[normalize-space(text())='" + filter + "']")));
      browser.waiting().until(ExpectedConditions.urlContains("filter="));
      Browser.sleep(1500);
      String sorting = browser.driver().findElement(
          By.cssSelector("[cam-sorting-choices] .sort-by")).getText();
      browser.shot("chrome-sorting-" + filter);

      assertThat(sorting).as(filter).isEqualTo("到期日期");
      List<Date> dues = new ArrayList<>();
      for (WebElement link : browser.driver().findElements(
          By.cssSelector("ol.tasks-list > li.task h4 a"))) {
        String taskId = link.getAttribute("href").replaceAll(".*[?&]task=([^&]+).*", "$1");
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task != null && task.getDueDate() != null) {
          dues.add(task.getDueDate());
        }
      }
      assertThat(dues).as(filter + ": due dates in list order").isNotEmpty().isSorted();
    }
  }

  /** The search's typeahead choices once they show. */
  private List<String> typeahead() {
    browser.waiting().until(driver -> !driver.findElements(
        By.cssSelector("[cam-widget-search] [uib-typeahead-popup] li")).isEmpty());
    return browser.driver().findElements(By.cssSelector(
            "[cam-widget-search] [uib-typeahead-popup] li")).stream()
        .map(item -> item.getText().strip()).toList();
  }
}
