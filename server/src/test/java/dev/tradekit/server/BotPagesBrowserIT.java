package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The bot pages in a real headless Chromium against a control plane whose bots trade on a local
 * FakeBinance: first-run setup, keys added in the page, a copier with two followers created in the
 * form and started, a leader fill shown with both copies, followers steered from the page, a market
 * maker (named like a script) whose spread changes live from the page, emergency stops that leave
 * the venue without an open order, and the scanner's page.
 */
@ExtendWith(Browser.Installed.class)
class BotPagesBrowserIT {
  @TempDir static Path dir;
  private static VenueFixture venue;
  private static ServerFixture f;
  private static Browser browser;
  private static @Nullable Exchange leader;
  private static final Map<String, String> KEYS = new HashMap<>();
  private static final String XSS = "<script>alert(1)</script>";
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @BeforeAll
  static void start() {
    venue = new VenueFixture("leader", "half", "fixed", "extra", "maker", "scan");
    f =
        new ServerFixture(
            venue
                .plane(dir, ServerFixture.key(7))
                .equityHistory(Duration.ofMillis(200), 10_080)
                .build()
                .start());
    browser = new Browser(f.base);
    leader = venue.fake.adapter("leader").build();
    // the pages redraw their tables on every event: an element may go stale between two reads
    browser.wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  static void stop() {
    Browser.closeBoth(browser, f);
    if (leader != null) {
      leader.close();
    }
    venue.close();
  }

  @AfterEach
  void noScriptErrors() {
    browser.assertNoScriptErrors();
    assertNoAlert();
  }

  private static void assertNoAlert() {
    try {
      browser.driver.switchTo().alert();
      throw new AssertionError("a script opened an alert");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  /** First run in the page, then every venue account's key added through the keys page. */
  private static synchronized String adminToken() {
    if (KEYS.isEmpty()) {
      browser.driver.get(f.plane.setupLink().orElseThrow());
      browser.type(By.id("setup-password"), ServerFixture.ADMIN_PASSWORD);
      browser.click(By.id("setup-submit"));
      browser.awaitText(By.id("who-name"), "admin");
      browser.open("#/keys");
      for (String account : List.of("leader", "half", "fixed", "extra", "maker", "scan")) {
        new Select(browser.await(By.id("key-exchange"))).selectByValue("binance-usdm");
        browser.type(By.id("key-account"), account);
        browser.type(By.id("key-api-key"), account);
        browser.type(By.id("key-api-secret"), VenueFixture.secret(account));
        browser.click(By.id("key-submit"));
        browser.awaitText(By.id("keys-table"), account);
      }
    }
    String token =
        f.login("admin", ServerFixture.ADMIN_PASSWORD).getOrDefault("accessToken", "").toString();
    for (Map<String, Object> k : ServerFixture.items(f.get("/api/keys", token))) {
      KEYS.put(String.valueOf(k.get("account")), String.valueOf(k.get("id")));
    }
    assertThat(browser.driver.getPageSource()).doesNotContain(VenueFixture.secret("leader"));
    return token;
  }

  private static String key(String account) {
    return java.util.Objects.requireNonNull(KEYS.get(account), account);
  }

  private static String createBot(String token, String json) {
    HttpResponse<String> r = f.post("/api/bots", json, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return String.valueOf(ServerFixture.json(r).get("id"));
  }

  private static By control(String bot, String action) {
    return By.cssSelector("[data-controls='" + bot + "'] [data-action='" + action + "']");
  }

  /** At phone width the page has no horizontal scroll bar. */
  private static void fitsAPhone() {
    Dimension desktop = browser.driver.manage().window().getSize();
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    try {
      browser.wait.until(
          d ->
              Boolean.TRUE.equals(
                  browser.script(
                      "return document.documentElement.scrollWidth <= window.innerWidth + 1")));
    } finally {
      browser.driver.manage().window().setSize(desktop);
    }
  }

  private static long copies(String status) {
    return browser
        .driver
        .findElements(By.cssSelector("#history-table tr[data-status='" + status + "']"))
        .size();
  }

  @Test
  void copierPageShowsALeaderFillWithBothCopiesAndSteersFollowers() throws Exception {
    String token = adminToken();
    browser.open("#/bots/new");
    browser.type(By.id("f-name"), "desk copier");
    new Select(browser.await(By.id("f-kind"))).selectByValue("copier");
    new Select(browser.await(By.id("f-provider"))).selectByValue("binance-usdm");
    new Select(browser.await(By.id("f-keyId"))).selectByValue(key("leader"));
    new Select(browser.await(By.id("f-config-followers-0-keyId"))).selectByValue(key("half"));
    browser.type(By.id("f-config-followers-0-policy-amount"), "0.5");
    browser.click(By.id("add-follower"));
    new Select(browser.await(By.id("f-config-followers-1-keyId"))).selectByValue(key("fixed"));
    new Select(browser.await(By.id("f-config-followers-1-policy-mode"))).selectByValue("fixed");
    browser.type(By.id("f-config-followers-1-policy-amount"), "0.003");
    browser.click(By.id("bot-submit"));
    browser.awaitText(By.id("bot-title"), "desk copier");
    String bot = browser.driver.getCurrentUrl().replaceAll(".*#/bots/([A-Za-z0-9_-]+).*", "$1");
    browser.await(By.id("not-running"));

    browser.click(control(bot, "start"));
    browser.awaitText(By.id("bot-state"), "running");
    browser.await(By.id("followers-live"));
    java.util.Objects.requireNonNull(leader)
        .trading()
        .place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.010")))
        .get(30, TimeUnit.SECONDS);

    // the fill reaches the page through the event stream: no reload, no click
    browser.wait.until(d -> copies("COPIED") == 2);
    String history = browser.driver.findElement(By.id("history-table")).getText();
    assertThat(history).contains("OPEN BUY", "0.01 @", "0.005 of 0.005", "0.003 of 0.003");
    By half = By.cssSelector("#followers-live tr[data-follower='" + key("half") + "']");
    browser.awaitText(half, "BTCUSDT 0.005 ✓ on target");
    assertThat(browser.driver.findElement(half).getText()).contains("0.5 × leader", "1 / 0 / 0");
    assertThat(
            browser
                .driver
                .findElement(
                    By.cssSelector("#followers-live tr[data-follower='" + key("fixed") + "']"))
                .getText())
        .contains("BTCUSDT 0.003", "fixed size per fill");
    assertThat(browser.driver.findElement(By.id("latency-table")).getText())
        .contains("All followers", "ms");
    browser.await(By.id("no-problems"));
    browser.wait.until(
        d ->
            Integer.parseInt(
                    String.valueOf(
                        d.findElement(By.id("copier-chart-canvas")).getAttribute("data-fills")))
                >= 1);
    assertThat(
            browser.driver.findElement(By.id("copier-chart-canvas")).getAttribute("data-candles"))
        .isNotEqualTo("0");

    // filters: one follower's copies only
    new Select(browser.driver.findElement(By.id("history-follower"))).selectByValue(key("half"));
    browser.click(By.id("history-apply"));
    browser.wait.until(d -> copies("COPIED") == 1);
    // CSV: a download, or a note that this server cannot export it; never a broken page
    browser.click(By.id("history-csv"));
    browser.wait.until(
        d ->
            d.findElement(By.id("history-csv-note")).getText().matches(".*(downloaded|CSV yet).*"));
    browser.script("document.getElementById('run-followers').scrollIntoView()");
    browser.screenshots("copier-page");
    fitsAPhone();

    // add a follower with its policy, pause it from the keyboard, then remove it
    new Select(browser.await(By.id("follower-key"))).selectByValue(key("extra"));
    browser.type(By.id("follower-amount"), "0.25");
    browser.driver.findElement(By.id("follower-amount")).sendKeys(Keys.ENTER);
    By extra = By.cssSelector("#followers-live tr[data-follower='" + key("extra") + "']");
    browser.awaitText(extra, "0.25 × leader");
    By pause =
        By.cssSelector(
            "#followers-live tr[data-follower='"
                + key("extra")
                + "'] [data-follower-action='pause']");
    browser.wait.until(
        d -> {
          d.findElement(pause).sendKeys(Keys.TAB, Keys.chord(Keys.SHIFT, Keys.TAB));
          return true;
        });
    // the focus survives the table's redraws, so Enter acts on the button a keyboard user is on
    browser.wait.until(
        d ->
            "pause"
                .equals(
                    browser.script(
                        "return document.activeElement && document.activeElement.dataset.followerAction")));
    browser.wait.until(
        d -> {
          d.switchTo().activeElement().sendKeys(Keys.ENTER);
          return true;
        });
    browser.awaitText(extra, "paused");
    By remove =
        By.cssSelector(
            "#followers-live tr[data-follower='"
                + key("extra")
                + "'] [data-follower-action='remove']");
    browser.click(remove);
    browser.awaitText(remove, "Confirm remove");
    browser.click(remove);
    browser.wait.until(d -> d.findElements(extra).isEmpty());
    assertThat(String.valueOf(ServerFixture.json(f.get("/api/bots/" + bot, token)).get("config")))
        .doesNotContain(key("extra"))
        .contains(key("half"), key("fixed"));

    // emergency stop from the page: the copier stops, nothing rests on the venue
    browser.click(control(bot, "emergency-stop"));
    browser.awaitText(control(bot, "emergency-stop"), "Confirm emergency stop");
    browser.click(control(bot, "emergency-stop"));
    browser.awaitText(By.id("bot-state"), "stopped");
    for (String account : List.of("leader", "half", "fixed")) {
      VenueFixture.await(
          () -> venue.openOrders(account).isEmpty(), account + " holds no open order");
    }
  }

  /** The best bid's distance from the mid as the page shows it, NaN while there is none. */
  private static double bidDistanceBps() {
    List<WebElement> cells =
        browser.driver.findElements(
            By.cssSelector("#quotes-table tr[data-quote='BUY'] .quote-distance"));
    try {
      return cells.isEmpty()
          ? Double.NaN
          : Double.parseDouble(cells.get(0).getText().replace(" bps", "").replace("+", ""));
    } catch (NumberFormatException | StaleElementReferenceException e) {
      return Double.NaN;
    }
  }

  @Test
  void marketMakerSpreadChangesLiveFromThePageAndItsNameIsText() {
    String token = adminToken();
    String bot =
        createBot(
            token,
            "{\"name\":\""
                + XSS.replace("/", "\\/")
                + "\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\",\"keyId\":\""
                + key("maker")
                + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\","
                + "\"parameters\":{\"spreadBps\":10,\"quantity\":\"0.002\"},"
                + "\"risk\":{\"maxPosition\":\"0.01\",\"maxOpenOrders\":4}}}");
    browser.open("#/bots/" + bot);
    browser.awaitText(By.id("bot-title"), XSS);
    assertThat(browser.driver.findElements(By.cssSelector("#view script"))).isEmpty();
    browser.click(control(bot, "start"));
    browser.awaitText(By.id("bot-state"), "running");
    browser.await(By.cssSelector("#quotes-table tr[data-quote='BUY']"));
    browser.await(By.cssSelector("#quotes-table tr[data-quote='SELL']"));
    browser.wait.until(d -> Math.abs(bidDistanceBps() + 10) < 3);
    assertThat(browser.driver.findElement(By.id("risk-table")).getText())
        .contains("Open orders", "4", "Position (base units)", "0.01");
    browser.wait.until(
        d ->
            !"0"
                .equals(
                    String.valueOf(
                        d.findElement(By.id("mm-chart-canvas")).getAttribute("data-orders"))));

    // the spread, typed and applied from the keyboard: the quotes move on the venue and the page
    WebElement spread = browser.await(By.id("param-spreadBps"));
    spread.sendKeys(Keys.chord(Keys.CONTROL, "a"), "40", Keys.ENTER);
    browser.awaitText(By.id("flash"), "Parameters applied");
    browser.wait.until(d -> Math.abs(bidDistanceBps() + 40) < 3);
    assertThat(String.valueOf(ServerFixture.json(f.get("/api/bots/" + bot, token)).get("config")))
        .contains("spreadBps=40");

    // the PnL curve starts with the stored equity history: reloaded, the page draws the samples
    // the control plane took before, from the first one on
    String equity = "/api/bots/" + bot + "/equity";
    VenueFixture.await(
        () -> ServerFixture.items(f.get(equity, token)).size() >= 3, "three samples stored");
    List<Map<String, Object>> stored = ServerFixture.items(f.get(equity, token));
    String first =
        ISO.format(
            Instant.ofEpochMilli(
                ((Number) java.util.Objects.requireNonNull(stored.get(0).get("at"))).longValue()));
    browser.driver.navigate().refresh();
    browser.awaitText(By.id("bot-state"), "running");
    browser.wait.until(
        d -> {
          String n = d.findElement(By.id("mm-pnl-chart")).getAttribute("data-stored");
          return n != null && Integer.parseInt(n) >= stored.size();
        });
    browser.wait.until(
        d ->
            String.valueOf(d.findElement(By.id("mm-pnl-chart")).getAttribute("aria-label"))
                .contains("from " + first + " to "));
    browser.script("document.getElementById('kind-run').scrollIntoView()");
    browser.screenshots("market-maker-page");
    fitsAPhone();

    browser.click(control(bot, "emergency-stop"));
    browser.awaitText(control(bot, "emergency-stop"), "Confirm emergency stop");
    browser.click(control(bot, "emergency-stop"));
    browser.awaitText(By.id("bot-state"), "stopped");
    VenueFixture.await(() -> venue.openOrders("maker").isEmpty(), "the venue holds 0 open orders");
    browser.await(By.id("not-running"));
    browser.open("#/");
    browser.awaitText(By.id("bots-table"), XSS);
  }

  @Test
  void scannerPageShowsTheWeightBudgetAndFiltersTheHotPoolByCategory() {
    String token = adminToken();
    String bot =
        createBot(
            token,
            "{\"name\":\"walls\",\"kind\":\"scanner\",\"provider\":\"binance-usdm\",\"keyId\":\""
                + key("scan")
                + "\",\"config\":{\"symbols\":[\"BTCUSDT\"],\"minNotional\":\"1000\"}}");
    browser.open("#/bots/" + bot);
    browser.await(By.id("not-running"));
    browser.click(control(bot, "start"));
    browser.awaitText(By.id("bot-state"), "running");
    browser.awaitText(By.id("weight-budget"), "request weight used in the last minute");
    browser.wait.until(
        d ->
            !d.findElements(By.id("hot-table")).isEmpty()
                || !d.findElements(By.id("hot-empty")).isEmpty());
    browser.await(By.cssSelector("#scanner-observer p, #observer-table"));
    WebElement category = browser.driver.findElement(By.id("scanner-category"));
    new Select(category).selectByValue("DIAMOND");
    assertThat(new Select(category).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("DIAMOND");
    for (WebElement row : browser.driver.findElements(By.cssSelector("#hot-table tbody tr"))) {
      assertThat(row.getText()).contains("diamond");
    }
    browser.screenshots("scanner-page");
    fitsAPhone();
    browser.click(control(bot, "stop"));
    browser.awaitText(By.id("bot-state"), "stopped");
  }
}
