package org.childprotection.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the running platform in a real browser: each test has a new browser (skipped where
 * there is none, see {@link Browser}), closed after it, and the driver that walks the cases it
 * opens.
 */
public abstract class BrowserTest extends PlatformTest {

  protected ProcessDriver drive;
  protected Browser browser;

  @BeforeEach
  void openBrowser() {
    drive = new ProcessDriver(engine);
    browser = Browser.open(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
