package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The notification settings page in a real headless Chromium: a webhook to a loopback receiver is
 * set up in the page, its test notification arrives signed with the secret typed in, and neither
 * that secret nor the operator's Telegram bot token is ever in the page again.
 */
@ExtendWith(Browser.Installed.class)
class NotificationsBrowserIT {
  private static final String HOOK_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("browser-webhook-secret-0123456789".getBytes());
  private static final String BOT_TOKEN = "123456789:AAF-browser-test-token-abcdefghijkl";

  @TempDir static Path dir;
  private static ServerFixture f;
  private static Browser browser;
  private static final MockWebServer hooks = new MockWebServer();
  private static final List<String> signed = new CopyOnWriteArrayList<>();
  private static final List<String> unsigned = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    hooks.setDispatcher(SignedWebhooks.receiver(HOOK_SECRET, signed, unsigned));
    hooks.start();
    f = new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(21)).build().start());
    browser = new Browser(f.base);
    browser.wait.ignoring(StaleElementReferenceException.class);
    browser.driver.get(f.plane.setupLink().orElseThrow());
    browser.type(By.id("setup-password"), ServerFixture.ADMIN_PASSWORD);
    browser.click(By.id("setup-submit"));
    browser.awaitText(By.id("who-name"), "admin");
  }

  @AfterAll
  static void stop() throws Exception {
    Browser.closeBoth(browser, f);
    hooks.shutdown();
  }

  @Test
  void webhookSetInThePageReceivesASignedTestAndTheSecretNeverShows() {
    browser.open("#/notifications");
    browser.await(By.id("notify-webhook-form"));
    String url = hooks.url("/tradekit").toString();
    browser.type(By.id("notify-webhook-address"), url);
    // without a secret the server refuses a new webhook and says so next to the field
    browser.click(By.id("notify-webhook-save"));
    browser.awaitText(By.id("notify-webhook-secret-error"), "is required for a new webhook");

    browser.type(By.id("notify-webhook-secret"), HOOK_SECRET);
    browser.click(By.cssSelector("#notify-webhook-kinds input[data-kind='bot.order.filled']"));
    browser.click(By.id("notify-webhook-save"));
    browser.awaitText(By.id("flash"), "Saved the Webhook channel");
    browser.await(By.id("notify-webhook-test"));
    assertThat(browser.await(By.id("notify-webhook-secret")).getAttribute("value")).isEmpty();
    assertThat(browser.await(By.id("notify-webhook-secret")).getAttribute("placeholder"))
        .contains("set");

    browser.click(By.id("notify-webhook-test"));
    browser.awaitText(By.id("flash"), "The Webhook test notification was delivered");
    assertThat(signed).hasSize(1);
    assertThat(signed.get(0)).contains("notify.test");
    assertThat(unsigned).isEmpty();

    // the stored settings come back in the page, the secret only as "set"
    browser.driver.navigate().refresh();
    browser.await(By.id("notify-webhook-test"));
    assertThat(browser.await(By.id("notify-webhook-address")).getAttribute("value")).isEqualTo(url);
    assertThat(
            browser
                .driver
                .findElement(
                    By.cssSelector("#notify-webhook-kinds input[data-kind='bot.order.filled']"))
                .isSelected())
        .isTrue();
    assertThat(browser.driver.getPageSource()).doesNotContain(HOOK_SECRET);
    assertThat(browser.fetch("GET", "/api/notifications/channels", ""))
        .contains("\"hasSecret\":true")
        .doesNotContain(HOOK_SECRET);
    browser.script(
        "arguments[0].scrollIntoView()", browser.driver.findElement(By.id("notify-webhook-card")));
    browser.screenshots("notifications");
    browser.assertNoScriptErrors();
  }

  @Test
  void operatorTelegramTokenIsWriteOnly() {
    browser.open("#/notifications");
    browser.awaitText(By.id("telegram-token-state"), "not set");
    browser.type(By.id("notify-telegram-token"), "not-a-token");
    browser.click(By.id("notify-telegram-token-save"));
    browser.awaitText(By.id("notify-telegram-token-error"), "must be a Telegram bot token");
    browser.type(By.id("notify-telegram-token"), BOT_TOKEN);
    browser.click(By.id("notify-telegram-token-save"));
    browser.awaitText(By.id("flash"), "Saved the Telegram bot token");
    browser.wait.until(d -> d.findElement(By.id("telegram-token-state")).getText().equals("set"));
    assertThat(browser.await(By.id("notify-telegram-token")).getAttribute("value")).isEmpty();
    browser.driver.navigate().refresh();
    browser.wait.until(d -> d.findElement(By.id("telegram-token-state")).getText().equals("set"));
    assertThat(browser.driver.getPageSource()).doesNotContain(BOT_TOKEN);
    Map<String, Object> described =
        ServerFixture.json(
            f.get(
                "/api/admin/notifications/telegram",
                String.valueOf(f.login("admin", ServerFixture.ADMIN_PASSWORD).get("accessToken"))));
    assertThat(described).containsEntry("hasToken", true).doesNotContainKey("token");
    browser.assertNoScriptErrors();
  }
}
