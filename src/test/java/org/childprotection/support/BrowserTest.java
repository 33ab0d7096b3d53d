package org.childprotection.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the running platform in a real browser: each test has a new browser (skipped where
 * there is none, see {@link Browser}), closed after it.
 */
public abstract class BrowserTest extends PlatformTest {

  protected Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
