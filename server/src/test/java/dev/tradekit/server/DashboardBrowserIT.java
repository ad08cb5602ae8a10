package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium against a control plane on loopback: keys, bot forms
 * and the server's problems, roles, live events, session renewal and sign-out. One browser and one
 * server for the class; every test signs in as the user it needs.
 */
@ExtendWith(Browser.Installed.class)
class DashboardBrowserIT {
  @TempDir static Path dir;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private static ServerFixture f;
  private static Browser browser;
  private static String adminToken;
  private static @Nullable Instant tokenAt;

  @BeforeAll
  static void start() {
    f =
        new ServerFixture(
            ServerFixture.builder(dir, ServerFixture.key(5)).clock(CLOCK).build().start());
    adminToken = f.setupAdmin();
    tokenAt = CLOCK.instant();
    browser = new Browser(f.base);
  }

  @AfterAll
  static void stop() {
    Browser.closeBoth(browser, f);
  }

  @AfterEach
  void noScriptErrors() {
    browser.assertNoScriptErrors();
  }

  private static String adminToken() {
    // the class moves the server's clock: sign in again (an Argon2 hash) only when it has moved
    Instant now = CLOCK.instant();
    if (tokenAt == null || !tokenAt.equals(now)) {
      adminToken =
          f.login("admin", ServerFixture.ADMIN_PASSWORD).getOrDefault("accessToken", "").toString();
      tokenAt = now;
    }
    return adminToken;
  }

  @Test
  void keysPageNeverShowsASecret() {
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/keys");
    browser.type(By.id("key-account"), "desk-one");
    browser.type(By.id("key-api-key"), "AKapikeyVISIBLEnever0001");
    browser.type(By.id("key-api-secret"), "SECRETsecretSECRET0001");
    browser.click(By.id("key-submit"));
    browser.awaitText(By.id("keys-table"), "desk-one");
    WebElement row = browser.driver.findElement(By.xpath("//tr[td[text()='desk-one']]//td[3]"));
    assertThat(row.getText()).matches("[0-9a-f]{16}");
    // neither the key nor the secret is anywhere in the page, the inputs are emptied
    assertThat(browser.driver.getPageSource())
        .doesNotContain("AKapikeyVISIBLEnever0001", "SECRETsecretSECRET0001");
    assertThat(browser.driver.findElement(By.id("key-api-secret")).getAttribute("value")).isEmpty();
    assertThat(browser.driver.findElement(By.id("key-api-key")).getAttribute("value")).isEmpty();
    assertThat(browser.driver.findElement(By.id("key-api-secret")).getAttribute("type"))
        .isEqualTo("password");
    // nor after a reload, nor in what the API gives the page
    browser.driver.navigate().refresh();
    browser.awaitText(By.id("keys-table"), "desk-one");
    assertThat(browser.driver.getPageSource()).doesNotContain("SECRETsecretSECRET0001");
    assertThat(browser.fetch("GET", "/api/keys", ""))
        .startsWith("200 ")
        .doesNotContain("AKapikeyVISIBLEnever0001", "SECRETsecretSECRET0001");
    browser.screenshots("keys");
  }

  /** Fills the bot form's grid fields and submits it. */
  private static void fillGrid(String lower, String upper, String levels) {
    new Select(browser.await(By.id("f-kind"))).selectByValue("grid");
    browser.type(By.id("f-config-symbol"), "BTCUSDT");
    browser.type(By.id("f-config-lower"), lower);
    browser.type(By.id("f-config-upper"), upper);
    browser.type(By.id("f-config-levels"), levels);
    browser.type(By.id("f-config-quantity"), "0.01");
    browser.click(By.id("bot-submit"));
  }

  @Test
  void creatingABotWithABadFieldShowsTheServersMessage() {
    f.key(adminToken(), "form-key", "form-secret");
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/bots/new");
    browser.type(By.id("f-name"), "range one");
    fillGrid("100", "90", "5");
    browser.awaitText(By.id("f-config-upper-error"), "must be greater than lower");
    assertThat(browser.driver.findElement(By.id("f-config-upper")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.driver.findElement(By.cssSelector("#bot-form .notice")).getText())
        .contains("config.upper: must be greater than lower");

    // a nested field of a copier: the follower's ratio
    new Select(browser.driver.findElement(By.id("f-kind"))).selectByValue("copier");
    browser.type(By.id("f-config-followers-0-policy-amount"), "0");
    browser.click(By.id("bot-submit"));
    browser.awaitText(By.id("f-config-followers-0-policy-amount-error"), "must be greater than 0");

    // fixed, it is created and its page opens
    fillGrid("100", "110", "3");
    browser.awaitText(By.id("bot-title"), "range one");
    browser.wait.until(
        ExpectedConditions.attributeContains(
            By.id("grid-levels"), "textContent", "100 · 105 · 110"));
    browser.screenshots("bot-detail");
  }

  @Test
  void botNamesRenderAsTextNeverAsMarkup() {
    String keyId = f.key(adminToken(), "xss-key", "xss-secret");
    String name = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    String body = ServerFixture.gridBot(keyId).replace("\"grid one\"", Json.write(name));
    String id =
        String.valueOf(ServerFixture.json(f.post("/api/bots", body, adminToken())).get("id"));
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/");
    browser.awaitText(By.cssSelector("tr[data-bot='" + id + "'] .bot-name"), name);
    browser.open("#/bots/" + id);
    browser.awaitText(By.id("bot-title"), name);
    assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
    assertThat(browser.driver.findElements(By.cssSelector("#view img"))).isEmpty();
  }

  @Test
  void liveEventAppearsWithoutReload() {
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/events");
    browser.await(By.cssSelector("#live-status[data-status='live']"));
    browser.script("window.__sameDocument = 'yes'");
    String keyId = f.key(adminToken(), "live-key", "live-secret");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("events-body"), "id: " + keyId));
    assertThat(
            browser
                .driver
                .findElement(By.xpath("//tr[td[contains(., 'id: " + keyId + "')]]/td[3]"))
                .getText())
        .isEqualTo("key.created");
    assertThat(browser.script("return window.__sameDocument")).isEqualTo("yes");
  }

  @Test
  void controlButtonsCallTheRunEndpointsAndShowTheAnswer() {
    String id = f.bot(adminToken(), f.key(adminToken(), "run-key", "run-secret"));
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/");
    By start = By.cssSelector("[data-controls='" + id + "'] [data-action='start']");
    browser.await(start);
    browser.screenshots("overview");
    browser.click(start);
    boolean served =
        f.plane.api().routes().stream()
            .anyMatch(r -> (r.method() + " " + r.template()).equals("POST /api/bots/{id}/start"));
    if (served) {
      // the run endpoints are merged: the server's answer shows and the state follows
      browser.await(By.cssSelector("#flash .notice"));
    } else {
      browser.awaitText(
          By.cssSelector("#flash .notice.error"),
          "route /api/bots/" + id + "/start does not exist");
    }
    browser.screenshots("overview-start-answered");
  }

  /** Answers the run reads in the page with the JSON the server's run routes answer. */
  private static final String FAKE_RUN_ENDPOINTS =
      "const real = window.fetch;"
          + "const t0 = Math.floor(Date.now() / 60000) * 60000 - 180000;"
          + "const replies = {"
          + " status: {kind: 'grid', state: 'running', lastError: null, engine: {engine: 'MarketMaker',"
          + "  state: 'RUNNING', symbol: 'BTCUSDT', mid: '95050', position: '0.004',"
          + "  entryPrice: '95010', balance: '1000', unrealisedPnl: '-0.36', realisedPnl: '1.2',"
          + "  fees: '0.1', totalPnl: '0.74', openOrders: 1, ordersPlaced: 3, ordersCancelled: 1,"
          + "  ordersAmended: 0, fills: 1, spread: '0.0005', lastError: null,"
          + "  risk: [{name: 'maxPosition', limit: '0.005', current: '0.004'},"
          + "   {name: 'maxLoss', limit: null, current: '0'}]}},"
          + " orders: {items: [{clientOrderId: 'tk-1', symbol: 'BTCUSDT', side: 'BUY',"
          + "  price: '95000.1', quantity: '0.002', executedQuantity: '0', status: 'NEW'}]},"
          + " positions: {items: [{account: 'bot', symbol: 'BTCUSDT', positionSide: 'BOTH',"
          + "  amount: '0.004', entryPrice: '95010', markPrice: '95100', unrealizedPnl: '-0.36'}]},"
          + " pnl: {currencies: {USDT: {today: '1.10', total: '-0.05'}}, unrealizedPnl: '-0.36'},"
          + " history: {items: [{tradeId: 7, symbol: 'BTCUSDT', side: 'BUY', price: '95010',"
          + "  quantity: '0.004', commission: '0.02', commissionAsset: 'USDT', realizedPnl: '0',"
          + "  maker: true, time: t0 + 90000}]},"
          + " klines: {symbol: 'BTCUSDT', interval: '1m', items: [0, 1, 2].map(i => ({"
          + "  openTime: t0 + i * 60000, closeTime: t0 + i * 60000 + 59999, open: '95000',"
          + "  high: '95080', low: '94990', close: String(95010 + 20 * i), volume: '3'}))}};"
          + "window.fetch = (url, options) => {"
          + " const m = /^\\/api\\/bots\\/[^/]+\\/(status|orders|positions|pnl|history|klines)(\\?.*)?$/"
          + "  .exec(String(url));"
          + " if (!m) return real(url, options);"
          + " return Promise.resolve(new Response(JSON.stringify(replies[m[1]]),"
          + "  {status: 200, headers: {'Content-Type': 'application/json'}}));"
          + "};";

  @Test
  void runDataRendersOnTheBotPageAndTheOverview() {
    String id = f.bot(adminToken(), f.key(adminToken(), "data-key", "data-secret"));
    int bots = ServerFixture.items(f.get("/api/bots", adminToken())).size();
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    // a fresh page on one that reads no run data: nothing is known about those routes yet
    browser.open("#/keys");
    browser.driver.navigate().refresh();
    browser.await(By.id("key-form"));
    browser.script(FAKE_RUN_ENDPOINTS);
    browser.script("location.hash = arguments[0]", "#/bots/" + id);
    browser.awaitText(By.id("bot-state"), "running");
    browser.awaitText(By.id("run-pnl"), "−0.05 USDT");
    assertThat(browser.driver.findElement(By.id("run-pnl")).getText())
        .contains("+1.10 USDT", "−0.36");
    browser.awaitText(By.id("quotes-table"), "95000.1");
    assertThat(browser.driver.findElement(By.id("quotes-table")).getText())
        .contains("bid", "-5.2 bps", "95050");
    assertThat(browser.driver.findElement(By.id("risk-table")).getText())
        .contains("0.004", "0.005", "80 %", "near", "none set");
    assertThat(browser.driver.findElement(By.id("run-positions")).getText())
        .contains("BOTH", "95010", "−0.36");
    assertThat(browser.driver.findElement(By.id("fills-table")).getText())
        .contains("▲ BUY", "95010", "maker");
    browser.wait.until(
        d -> "3".equals(d.findElement(By.id("mm-chart-canvas")).getAttribute("data-candles")));
    WebElement candles = browser.driver.findElement(By.id("mm-chart-canvas"));
    assertThat(candles.getAttribute("data-fills")).isEqualTo("1");
    assertThat(candles.getAttribute("data-orders")).isEqualTo("1");
    assertThat(candles.getAttribute("aria-label")).contains("BTCUSDT price, 3 candles");
    browser.screenshots("bot-running");

    browser.script("location.hash = '#/'");
    // every bot of the admin reports 1.10 today on the simulator: one paper USDT total, exact
    String today =
        new java.math.BigDecimal("1.10")
            .multiply(java.math.BigDecimal.valueOf(bots))
            .toPlainString();
    browser.awaitText(By.id("totals"), "+" + today + " USDT");
    assertThat(browser.driver.findElement(By.id("totals")).getText()).contains("USDT", "paper");
    browser.driver.navigate().refresh(); // drop the fake for the other tests
  }

  @Test
  void viewerSeesNoControls() {
    f.user(adminToken(), "watcher", "viewer");
    String viewerId =
        String.valueOf(
            ServerFixture.json(
                    f.get(
                        "/api/me",
                        f.login("watcher", "watcher-password-1")
                            .getOrDefault("accessToken", "")
                            .toString()))
                .get("id"));
    long now = CLOCK.millis();
    // a viewer cannot create bots; one is given to them directly in the store
    f.plane
        .store()
        .insertBot(
            new Store.Bot(
                "bot_watched",
                viewerId,
                "grid",
                "watched grid",
                "{\"provider\":\"sim\",\"keyId\":\"key_none\",\"config\":{\"symbol\":\"BTCUSDT\","
                    + "\"lower\":\"1\",\"upper\":\"2\",\"levels\":2,\"quantity\":\"1\"}}",
                "stopped",
                now,
                now));
    browser.signIn("watcher", "watcher-password-1");
    browser.awaitText(By.id("who-role"), "viewer");
    browser.open("#/");
    browser.awaitText(By.id("bots-table"), "watched grid");
    assertThat(browser.driver.findElements(By.cssSelector("[data-controls], #new-bot"))).isEmpty();
    assertThat(browser.driver.findElement(By.id("bots-table")).getText()).doesNotContain("Actions");
    assertThat(browser.driver.findElement(By.id("nav")).getText())
        .doesNotContain("New bot", "Users");
    browser.open("#/bots/bot_watched");
    browser.awaitText(By.id("bot-title"), "watched grid");
    assertThat(browser.driver.findElements(By.cssSelector("[data-action], #edit-bot, #delete-bot")))
        .isEmpty();
    browser.open("#/keys");
    browser.await(By.id("no-keys"));
    assertThat(browser.driver.findElements(By.id("key-form"))).isEmpty();
    // and the server refuses anyway
    assertThat(browser.fetch("PATCH", "/api/bots/bot_watched", "{\"name\":\"renamed\"}"))
        .startsWith("403 ")
        .contains("the viewer role is read-only");
    assertThat(
            browser.fetch(
                "POST",
                "/api/keys",
                "{\"exchange\":\"sim\",\"account\":\"a\",\"apiKey\":\"k\",\"apiSecret\":\"s\"}"))
        .startsWith("403 ");
  }

  @Test
  void expiredAccessTokenIsRenewedWithoutLosingThePage() {
    String keyId = f.key(adminToken(), "renew-key", "renew-secret");
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/keys");
    browser.await(By.cssSelector("tr[data-key='" + keyId + "']"));
    browser.type(By.id("key-account"), "half-typed");
    CLOCK.advance(Duration.ofMinutes(16));
    // the access token has expired: the delete is answered 401, renewed, and sent again
    By delete = By.cssSelector("[data-delete='" + keyId + "']");
    browser.click(delete);
    browser.click(delete);
    browser.wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("tr[data-key='" + keyId + "']")));
    assertThat(browser.driver.findElement(By.id("overlay")).isDisplayed()).isFalse();
    assertThat(browser.driver.findElement(By.id("key-account")).getAttribute("value"))
        .isEqualTo("half-typed");
    assertThat(f.get("/api/keys/" + keyId, adminToken()).statusCode()).isEqualTo(404);
  }

  @Test
  void endedSessionAsksToSignInAgainOverThePage() {
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/keys");
    browser.await(By.id("key-form"));
    browser.type(By.id("key-account"), "after-lapse");
    browser.type(By.id("key-api-key"), "lapse-key");
    browser.type(By.id("key-api-secret"), "lapse-secret");
    CLOCK.advance(Duration.ofDays(31)); // past the refresh token's life too
    browser.click(By.id("key-submit"));
    browser.await(By.id("relogin-password")).sendKeys(ServerFixture.ADMIN_PASSWORD);
    assertThat(browser.driver.findElement(By.id("relogin-username")).getAttribute("value"))
        .isEqualTo("admin");
    browser.click(By.id("relogin-submit"));
    // the form's request is sent again once signed in: nothing typed was lost
    browser.awaitText(By.id("keys-table"), "after-lapse");
    assertThat(browser.driver.findElement(By.id("overlay")).isDisplayed()).isFalse();
  }

  @Test
  void signOutClearsTheSession() {
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/keys");
    browser.await(By.id("key-form"));
    assertThat(browser.fetch("GET", "/api/me", "")).startsWith("200 ");
    browser.click(By.id("sign-out"));
    browser.await(By.id("signin-form"));
    assertThat(browser.script("return document.cookie")).asString().doesNotContain("tk_csrf");
    assertThat(browser.fetch("GET", "/api/me", "")).startsWith("401 ");
    assertThat(browser.fetch("POST", "/api/auth/refresh", "")).doesNotStartWith("200 ");
    browser.open("#/keys");
    browser.await(By.id("signin-form"));
    assertThat(browser.driver.findElements(By.id("key-form"))).isEmpty();
    assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
  }
}
