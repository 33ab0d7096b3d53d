package org.childprotection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium asking for Chinese (Debian's chromium and chromium-driver), against the
 * running platform: logging into a webapp, clicking, typing, screenshots in
 * target/e2e-screenshots. Tests that cannot find the browser are skipped.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SHOTS = Path.of("target", "e2e-screenshots");

  private final int port;
  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  private Browser(int port, Path profile, WebDriver driver) {
    this.port = port;
    this.profile = profile;
    this.driver = driver;
    // A whole-suite run keeps the platform busy (a ledger import still opening its cases, say):
    // a first page may take longer than it does alone.
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** A new browser, 1400×1000, with a profile of its own (deleted when it closes). */
  public static Browser open(int port) {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver (installed by .ci/run)");
    try {
      Files.createDirectories(SHOTS);
      Path profile = Files.createTempDirectory("chromium-profile");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
          "--lang=zh-CN", "--user-data-dir=" + profile);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
      return new Browser(port, profile, new ChromeDriver(new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  public void get(String path) {
    driver.get(url(path));
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Logs into a webapp ({@code tasklist}, {@code cockpit}) through its login form. The form puts
   * the focus on the user name a moment after it shows (later on a busy machine), and what is
   * typed then goes there: the fields are filled until they hold what was typed.
   */
  public void login(String app, String user) {
    get("/camunda/app/" + app + "/default/");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[type='text']")));
    WebElement password = driver.findElement(By.cssSelector("input[type='password']"));
    wait.until(d -> {
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys(user);
      return user.equals(name.getAttribute("value")) && user.equals(password.getAttribute("value"));
    });
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("input[type='password']")));
  }

  /** Opens the task in Tasklist, which shows its 案情 tab first. */
  public void openTask(String taskId) {
    get("/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  /** Opens the task and returns what its 案情 tab says. */
  public String taskContext(String taskId) {
    openTask(taskId);
    return waitFor(By.cssSelector(".mp-context[data-view]")).getText();
  }

  public void logout() {
    driver.manage().deleteAllCookies();
  }

  /** Waits until the page's text contains the given text. */
  public void waitForText(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  public WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  /** The whole page's visible text. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Clicks through script, so that an element under Tasklist's fixed header is clicked too. */
  public void click(WebElement element) {
    script("arguments[0].scrollIntoView(true);", element);
    script("arguments[0].click();", element);
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Types into the form field named or id'd (suffix) by key. */
  public void fill(String key, String text) {
    driver.findElement(By.cssSelector("[name='" + key + "'], [id$='" + key + "']"))
        .sendKeys(text);
  }

  public void checkbox(String key) {
    driver.findElement(By.cssSelector("input[type='checkbox'][id$='" + key + "'], "
        + "input[type='checkbox'][name='" + key + "']")).click();
  }

  /** Opens a task's tab (案情, 表单, 历史 …). */
  public void tab(String label) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + label + "']"))));
  }

  /**
   * form-js takes a typed value a moment after the typing (it debounces its fields) and when the
   * field loses the focus: the focus goes to this element, and the form is given that moment.
   */
  public void settle(By elsewhere) {
    driver.findElement(elsewhere).click();
    sleep(800);
  }

  /** 发起流程's button that submits a start form. */
  public WebElement startButton() {
    return driver.findElement(
        By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** A screenshot of the window, target/e2e-screenshots/{name}.png. */
  public Path shot(String name) {
    try {
      Path file = SHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a screenshot to docs/images, where the README shows it. */
  public static void publish(String shot, String picture) {
    Path images = Path.of("docs", "images");
    if (Files.isDirectory(images)) {
      try {
        Files.copy(SHOTS.resolve(shot + ".png"), images.resolve(picture),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  /** Chromium may write to its profile while it shuts down: what it writes late goes too. */
  private void deleteProfile() {
    for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // Gone already, or being written: the next attempt sees.
      }
      if (Files.exists(profile)) {
        sleep(200);
      }
    }
  }
}
