package org.childprotection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.childprotection.casework.CaseFixtures;
import org.childprotection.registry.Vocabulary;
import org.childprotection.support.Browser;
import org.childprotection.support.BrowserTest;
import org.childprotection.support.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Typing into Tasklist's forms in a Chinese browser (issue 16, scripts/form-zh.js and
 * form-feedback.js): dates as 年-月-日 in a Chinese calendar, stored as typed or refused next to
 * the field; form-js in Chinese; Escape that closes only the picker; a refusal's reason under
 * its field without the engine's words; the case number after 登记新个案 and the result after an
 * assessment. Screenshots in target/e2e-screenshots (40-…).
 */
class FormEntryTest extends BrowserTest {

  private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
  /** Where a click leaves a field of the start form without closing its dialog. */
  private static final By MODAL_HEADER = By.cssSelector(".modal-header");

  @Autowired
  JdbcClient jdbc;

  /**
   * The assessment's visit date (a date about the past): a Chinese calendar from Monday; a day
   * that does not exist, another format and tomorrow are refused under the field and nothing
   * is submitted; 2026/1/5 is read as 2026-01-05; the typed day is the stored day; and the
   * worker is shown the assessment's result.
   */
  @Test
  void theVisitDateIsStoredAsTypedOrRefusedInChinese() {
    String instance = CaseFixtures.caseAwaitingAssessment(as("center"), drive);
    String taskId = drive.task(instance, "assessFamily").getId();
    engine.getTaskService().claim(taskId, "gulou");
    browser.login("tasklist", "gulou");
    browser.openTask(taskId);
    browser.tab("表单");
    WebElement date = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[id$='Field_visitDate-date']")));
    assertThat(date.getAttribute("placeholder")).isEqualTo("年-月-日");

    // 完成 with nothing filled in: form-js' errors by the fields, Tasklist's notification at the
    // top, clear of the form's buttons.
    browser.click(button("完成"));
    WebElement toast = browser.waitFor(By.cssSelector(".page-notifications .alert"));
    assertThat(errorOf("Field_visitDate")).isEqualTo("此项为必填项。");
    browser.shot("40-completed-empty-form");
    assertThat(toast.getText()).contains("请按红色提示修改").doesNotContainPattern("[A-Za-z]{2,}");
    assertThat(overlaps(toast, button("完成"))).isFalse();
    assertThat(overlaps(toast, button("保存"))).isFalse();

    browser.script("arguments[0].scrollIntoView({block: 'center'});", date);
    date.click();
    WebElement calendar = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".flatpickr-calendar.open")));
    String month = (String) browser.script("const s = arguments[0].querySelector("
        + "'.flatpickr-monthDropdown-months'); return s.options[s.selectedIndex].text;", calendar);
    assertThat(month).matches("[一二三四五六七八九十]+月");
    assertThat(calendar.findElement(By.cssSelector(".flatpickr-weekdaycontainer")).getText()
        .replaceAll("\\s", "")).isEqualTo("一二三四五六日");
    browser.shot("41-date-picker-in-chinese");

    LocalDate today = LocalDate.now(NANJING);
    refused(date, "2026-13-45", "没有这一天");
    refused(date, "12/01/2026", "年-月-日");
    refused(date, "20261201", "年-月-日");
    refused(date, today.plusDays(1).toString(), "不能晚于今天");
    browser.shot("42-visit-date-in-the-future-refused");
    assertThat(button("完成").isEnabled()).isFalse();
    browser.click(button("完成"));
    Browser.sleep(1000);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(submissions()).isZero();

    type(date, "2026/1/5");
    assertThat(date.getAttribute("value")).isEqualTo("2026-01-05");
    assertThat(errorOf("Field_visitDate")).isEmpty();
    String visited = today.minusDays(1).toString();
    type(date, visited);
    browser.driver().findElement(By.cssSelector("textarea[id$='Field_assessmentNote']"))
        .sendKeys("走访：孩子由祖母照看，需要助学");
    Browser.sleep(800);
    browser.checkbox("needStudyAid");
    browser.checkbox("noContactWithSchoolOrCommunity");
    assertThat(browser.driver().findElement(By.cssSelector("input[id$='Field_needStudyAid']"))
        .isSelected()).isTrue();
    browser.click(button("完成"));
    browser.waiting().until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).variableName("visitDate").singleResult().getValue())
        .isEqualTo(visited);

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("handleReferral").taskCandidateGroup("education").count()).isEqualTo(1);
    String caseNumber = drive.businessKey(instance);
    WebElement result = browser.waitFor(By.cssSelector(".mp-notice[data-kind='assessment']"));
    browser.shot("43-assessment-result");
    Map<String, Object> scored = jdbc.sql("SELECT a.total, a.risk_level FROM assessment a JOIN "
        + "protection_case c ON c.id = a.case_id WHERE c.case_number = ?").param(caseNumber)
        .query().singleRow();
    assertThat(result.getText()).contains(caseNumber)
        .contains("风险等级：" + Vocabulary.riskLevel(
            (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance).variableName("riskLevel").singleResult().getValue()))
        .contains("评分：" + scored.get("total") + " 分").contains("理由").contains("教育局");
    browser.click(result.findElement(By.cssSelector(".mp-open-case")));
    browser.waitFor(By.cssSelector(".mp-panel .mp-case-head[data-case='" + caseNumber + "']"));
  }

  /** Escape in a field closes its picker, never the dialog; the dialog asks before it drops input. */
  @Test
  void escapeClosesOnlyThePickerAndTheDialogAsksBeforeDroppingWhatWasTyped() {
    openStartForm();
    WebElement name = field("Field_childName");
    name.sendKeys("按键测试儿童");
    WebElement birth = field("Field_childBirthDate-date");
    browser.script("arguments[0].scrollIntoView({block: 'center'});", birth);
    birth.click();
    browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
    birth.sendKeys(Keys.ESCAPE);
    Browser.sleep(800);
    browser.shot("44-escape-in-the-date-field");
    assertThat(browser.driver().findElements(By.cssSelector(".modal-content"))).hasSize(1);
    assertThat(browser.driver().findElements(By.cssSelector(".flatpickr-calendar.open"))).isEmpty();
    assertThat(name.getAttribute("value")).isEqualTo("按键测试儿童");

    // Escape outside the fields, and 关闭, ask first; 继续填写 keeps everything.
    browser.driver().findElement(By.cssSelector(".modal-header")).click();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    WebElement confirm = browser.waitFor(By.cssSelector(".modal-footer .mp-confirm"));
    browser.shot("45-dialog-asks-before-dropping");
    assertThat(confirm.getText()).contains("尚未提交");
    browser.click(confirm.findElement(By.xpath(".//button[normalize-space()='继续填写']")));
    assertThat(browser.driver().findElements(By.cssSelector(".mp-confirm"))).isEmpty();
    assertThat(name.getAttribute("value")).isEqualTo("按键测试儿童");
    browser.click(browser.driver().findElement(
        By.cssSelector(".modal-footer button[ng-click='$dismiss()']")));
    browser.click(browser.waitFor(By.xpath("//div[contains(@class,'mp-confirm')]"
        + "//button[normalize-space()='放弃已填内容']")));
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector(".modal-content"), 0));
  }

  /**
   * An ID number with a wrong check digit passes the form and is refused by the registration
   * step: the reason is under the ID field and no engine text is anywhere on the page; once
   * corrected, the case opens and its number is shown until read.
   */
  @Test
  void aRefusedStartFormSaysWhyUnderTheFieldAndThenTheCaseNumber() {
    String idNumber = CaseFixtures.idNumber(LocalDate.now(NANJING).minusYears(8).minusDays(20));
    PersonalData.childName("表单登记儿童");
    PersonalData.idNumber(idNumber);
    openStartForm();
    field("Field_childName").sendKeys("表单登记儿童");
    field("Field_childIdNumber").sendKeys(idNumber.substring(0, 17)
        + (idNumber.endsWith("0") ? "1" : "0"));
    WebElement district = field("Field_district-display");
    browser.script("arguments[0].scrollIntoView({block: 'center'});", district);
    district.click();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='鼓楼区']")))
        .click();
    browser.click(browser.driver().findElement(By.xpath("//label[normalize-space()='留守流动']")));
    field("Field_description").sendKeys("表单测试：社区走访发现");
    browser.settle(MODAL_HEADER);
    long cases = cases();
    browser.click(browser.startButton());

    browser.waiting().until(d -> errorOf("Field_childIdNumber").contains("校验位"));
    browser.shot("46-start-form-refused-under-the-field");
    String page = browser.text() + browser.driver().getPageSource();
    assertThat(page).doesNotContain("Cannot instantiate").doesNotContain("child.idNumber")
        .doesNotContain("case-registration:").doesNotContain("child-protection-case:");
    assertThat(browser.driver().findElement(By.cssSelector(".modal-content [notifications-panel]"))
        .getText()).contains("身份证号").doesNotContainPattern("[A-Za-z]{2,}");
    assertThat(browser.startButton().isEnabled()).isFalse();
    assertThat(cases()).isEqualTo(cases);

    WebElement id = field("Field_childIdNumber");
    id.sendKeys(Keys.chord(Keys.CONTROL, "a"), idNumber);
    browser.settle(MODAL_HEADER);
    assertThat(errorOf("Field_childIdNumber")).isEmpty();
    browser.click(browser.startButton());
    browser.waiting().until(d -> cases() == cases + 1);
    String caseNumber = jdbc.sql("SELECT c.case_number FROM protection_case c JOIN child ch "
        + "ON ch.id = c.child_id WHERE ch.id_number = ?").param(idNumber).query(String.class).single();
    WebElement opened = browser.waitFor(By.cssSelector(".mp-notice[data-kind='case-opened']"));
    browser.shot("47-case-number-after-registration");
    assertThat(opened.getText()).contains("已登记新个案").contains(caseNumber);
    Browser.sleep(4000);
    assertThat(opened.isDisplayed()).as("stays until read").isTrue();
    browser.click(opened.findElement(By.cssSelector(".mp-open-case")));
    browser.waitFor(By.cssSelector(".mp-panel .mp-case-head[data-case='" + caseNumber + "']"));
  }

  /** form-js' own words on a form with selects, required fields left empty and a date: Chinese. */
  @Test
  void formJsSpeaksChinese() {
    openStartForm();
    browser.click(browser.startButton());
    browser.waitFor(By.cssSelector(".fjs-form-field-error"));
    List<String> errors = browser.driver().findElements(By.cssSelector(".fjs-form-field-error"))
        .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).isEqualTo("此项为必填项。"));
    assertThat(field("Field_household-display").getText()).isEqualTo("请选择");
    WebElement household = field("Field_household-display");
    browser.script("arguments[0].scrollIntoView({block: 'center'});", household);
    household.click();
    browser.waitFor(By.cssSelector(".fjs-dropdownlist"));
    String dropdownWords = english();
    WebElement birth = field("Field_childBirthDate-date");
    browser.script("arguments[0].scrollIntoView({block: 'center'});", birth);
    birth.click();
    browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
    browser.shot("48-form-js-in-chinese");
    assertThat(dropdownWords).isEmpty();
    assertThat(english()).isEmpty();
  }

  /** English words in what the form shows: visible text, placeholders, titles, ARIA labels. */
  private String english() {
    return (String) browser.script("""
        const form = document.querySelector('.modal .fjs-container');
        const shown = (e) => e && e.getClientRects().length > 0;
        const words = [];
        const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (shown(n.parentElement) && /[A-Za-z]{2,}/.test(n.data)) words.push(n.data.trim());
        }
        form.querySelectorAll('[placeholder], [title], [aria-label]').forEach(e => {
          ['placeholder', 'title', 'aria-label'].forEach(a => {
            const v = e.getAttribute(a);
            if (shown(e) && v && /[A-Za-z]{2,}/.test(v)) words.push(a + '=' + v);
          });
        });
        return words.join(' | ');
        """);
  }

  /** Types into a date field (replacing what it holds) and leaves it, as a worker does. */
  private void type(WebElement date, String text) {
    browser.script("arguments[0].scrollIntoView({block: 'center'});", date);
    date.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    // form-js takes a field's value a moment after it is left.
    Browser.sleep(800);
  }

  private void refused(WebElement date, String text, String reason) {
    type(date, text);
    assertThat(date.getAttribute("value")).as("kept as typed").isEqualTo(text);
    assertThat(errorOf("Field_visitDate")).as(text).contains(reason);
  }

  /** The errors form-js shows under a field. */
  private String errorOf(String fieldId) {
    return browser.driver().findElements(By.cssSelector("[id$='" + fieldId + "-error-message']"))
        .stream().map(WebElement::getText).findFirst().orElse("");
  }

  private WebElement field(String idSuffix) {
    return browser.driver().findElement(By.cssSelector("[id$='" + idSuffix + "']"));
  }

  private WebElement button(String label) {
    return browser.driver().findElement(By.xpath("//button[normalize-space()='" + label + "']"));
  }

  private boolean overlaps(WebElement a, WebElement b) {
    return (Boolean) browser.script("const a = arguments[0].getBoundingClientRect(),"
        + " b = arguments[1].getBoundingClientRect();"
        + " return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;",
        a, b);
  }

  /** Form submissions the page sent (task and start forms). */
  private long submissions() {
    return ((Number) browser.script("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/submit-form')).length;")).longValue();
  }

  private void openStartForm() {
    browser.login("tasklist", "gulou");
    browser.waitForText("我的任务");
    browser.click(browser.waitFor(By.cssSelector(".start-process-action a")));
    browser.click(browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[normalize-space(text())='登记新个案']"))));
    browser.waitForText("困境类别");
    browser.waiting().until(d -> browser.script("const i = document.querySelector("
        + "\"input[id$='Field_childBirthDate-date']\"); return !!(i && i._flatpickr);"));
  }

  private long cases() {
    return jdbc.sql("SELECT COUNT(*) FROM protection_case").query(Long.class).single();
  }
}
