package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A new control plane in a real browser: the setup link creates the admin, who can sign in. */
@ExtendWith(Browser.Installed.class)
class FirstRunBrowserIT {
  @TempDir static Path dir;
  private static ServerFixture f;
  private static Browser browser;

  @BeforeAll
  static void start() {
    f = new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(4)).build().start());
    browser = new Browser(f.base);
  }

  @AfterAll
  static void stop() {
    Browser.closeBoth(browser, f);
  }

  @Test
  void firstRunSetupThenSignIn() {
    // any page of a server without users leads to the setup form
    browser.open("#/keys");
    browser.await(By.id("setup-form"));
    assertThat(browser.driver.findElements(By.id("nav")).get(0).isDisplayed()).isFalse();

    // the link the server prints carries the one-time token in the fragment
    String link = f.plane.setupLink().orElseThrow();
    assertThat(link).startsWith(f.base + "/#/setup?token=");
    browser.driver.get(link);
    assertThat(browser.await(By.id("setup-token")).getAttribute("value"))
        .isEqualTo(f.plane.setupToken().orElseThrow());

    // too short a password: the server's problem shows next to the field
    browser.type(By.id("setup-password"), "short");
    browser.click(By.id("setup-submit"));
    browser.awaitText(By.id("setup-password-error"), "must be at least 12 characters");
    assertThat(browser.driver.findElement(By.id("setup-password")).getAttribute("aria-invalid"))
        .isEqualTo("true");

    browser.type(By.id("setup-password"), ServerFixture.ADMIN_PASSWORD);
    browser.click(By.id("setup-submit"));
    browser.awaitText(By.id("who-name"), "admin");
    browser.awaitText(By.id("who-role"), "admin");
    browser.await(By.id("no-bots"));
    // the token is gone from the address bar, and setup is closed for good
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("token");
    assertThat(f.plane.setupLink()).isEmpty();
    browser.screenshots("overview-empty");

    browser.click(By.id("sign-out"));
    browser.await(By.id("signin-form"));
    browser.type(By.id("signin-username"), "admin");
    browser.type(By.id("signin-password"), "wrong-password-123");
    browser.click(By.id("signin-submit"));
    browser.awaitText(By.cssSelector("#signin-form .notice"), "the user name or password is wrong");

    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.await(By.id("new-bot"));
    browser.assertNoScriptErrors();
  }
}
