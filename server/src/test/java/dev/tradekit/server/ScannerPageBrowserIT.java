package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Side;
import dev.tradekit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The scanner's page with real data in a headless Chromium: a scanner bot on FakeBinance finds the
 * walls another account placed; started from its page, the hot-pool table fills without a reload
 * and shows every column, ages count up, the category filter hides what it should; the overview
 * counts the bot's uptime on live.
 */
@ExtendWith(Browser.Installed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScannerPageBrowserIT {
  @TempDir static Path dir;
  private static FakeBinance fake;
  private static ServerFixture f;
  private static Browser browser;
  private static @Nullable Exchange wall;
  private static String bot = "";
  private static String alice = "";
  private static String buy = "";
  private static String sell = "";

  @BeforeAll
  static void start() throws Exception {
    fake = VenueFixture.wallMarket();
    Exchange walls = fake.adapter("key-wall").build();
    wall = walls;
    // the scanner's first scan finds them (its next primary scan is minutes away)
    buy = VenueFixture.placeWall(walls, Side.BUY).stripTrailingZeros().toPlainString();
    sell = VenueFixture.placeWall(walls, Side.SELL).stripTrailingZeros().toPlainString();
    f =
        new ServerFixture(
            ServerFixture.builder(dir, ServerFixture.key(22))
                .exchanges((provider, credentials) -> fake.adapter(credentials.apiKey()).build())
                .build()
                .start());
    String admin = f.setupAdmin();
    alice = f.user(admin, "alice", "trader");
    String key = f.key(alice, "key-scan", "secret-of-key-scan");
    HttpResponse<String> created = f.post("/api/bots", VenueFixture.wallScannerBot(key), alice);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    bot = String.valueOf(ServerFixture.json(created).get("id"));
    browser = new Browser(f.base);
    browser.wait.ignoring(StaleElementReferenceException.class);
    browser.signIn("alice", "alice-password-1");
  }

  @AfterAll
  static void stop() {
    Browser.closeBoth(browser, f);
    if (wall != null) {
      wall.close();
    }
    fake.close();
  }

  private static By row(String price) {
    return By.xpath("//table[@id='hot-table']//tr[td[3][normalize-space()='" + price + "']]");
  }

  /** The texts of the row's cells, read again if the live table replaces the row meanwhile. */
  private static List<String> cells(String price) {
    return browser.wait.until(
        d ->
            d.findElement(row(price)).findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList());
  }

  /** Starts the bot over the API unless it runs. */
  private static void running() {
    if (!"running".equals(ServerFixture.json(f.get("/api/bots/" + bot, alice)).get("state"))) {
      HttpResponse<String> started = f.post("/api/bots/" + bot + "/start", "", alice);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    }
  }

  @Test
  @Order(1)
  void hotPoolTableShowsWallsUpdatesLiveAndFiltersByCategory() {
    browser.open("#/bots/" + bot);
    // started from the page: the walls arrive without a reload, from the live events
    browser.await(By.id("not-running"));
    browser.click(By.cssSelector("[data-controls='" + bot + "'] [data-action='start']"));
    browser.awaitText(By.id("bot-state"), "running");
    browser.await(row(buy));
    browser.await(row(sell));
    browser.wait.until(d -> !cells(buy).get(4).equals("—") && !cells(buy).get(6).equals("—"));
    List<String> c = cells(buy);
    assertThat(c.get(0)).startsWith("BTCUSDT");
    assertThat(c.get(1)).isEqualTo("▲ BUY");
    assertThat(c.get(2)).isEqualTo(buy);
    assertThat(c.get(3)).matches("\\$[0-9,]+");
    // 1,000 BTC at about 1,000 USDT
    assertThat(new BigDecimal(c.get(3).replaceAll("[$,]", "")))
        .isBetween(new BigDecimal("900000"), new BigDecimal("1100000"));
    assertThat(c.get(4)).matches("[◆●○] (diamond|gold|basic)");
    assertThat(c.get(5)).matches("\\d+(s|m \\d+s)");
    assertThat(c.get(6)).matches("\\d\\.\\d{3}");

    assertThat(cells(sell).get(1)).isEqualTo("▼ SELL");
    // the ages count up as updates arrive
    String age = cells(buy).get(5);
    browser.wait.until(d -> !cells(buy).get(5).equals(age));
    browser.script(
        "arguments[0].scrollIntoView()", browser.driver.findElement(By.id("run-hot-pool")));
    browser.screenshots("scanner-hot-pool");

    // the filter shows one category only; a category no wall has shows none
    Select filter = new Select(browser.await(By.id("scanner-category")));
    String category = cells(buy).get(4).substring(2).toUpperCase(java.util.Locale.ROOT);
    filter.selectByValue(category);
    browser.wait.until(
        d -> {
          List<WebElement> rows = d.findElements(By.cssSelector("#hot-table tbody tr"));
          return !rows.isEmpty()
              && rows.stream()
                  .allMatch(
                      r ->
                          r.findElements(By.tagName("td"))
                              .get(4)
                              .getText()
                              .endsWith(category.toLowerCase(java.util.Locale.ROOT)));
        });
    Set<String> shown =
        browser.driver.findElements(By.cssSelector("#hot-table tbody tr")).stream()
            .map(r -> r.findElements(By.tagName("td")).get(2).getText())
            .collect(Collectors.toSet());
    assertThat(shown).contains(buy);
    String absent =
        List.of("DIAMOND", "GOLD", "BASIC").stream()
            .filter(k -> !k.equals(category))
            .findFirst()
            .orElseThrow();
    filter.selectByValue(absent);
    browser.wait.until(
        d ->
            !d.findElements(By.id("hot-empty")).isEmpty()
                || d.findElements(By.cssSelector("#hot-table tbody tr")).stream()
                    .allMatch(
                        r ->
                            r.findElements(By.tagName("td"))
                                .get(4)
                                .getText()
                                .endsWith(absent.toLowerCase(java.util.Locale.ROOT))));
    assertThat(browser.driver.findElements(row(buy))).isEmpty();
    filter.selectByValue("");
    browser.await(row(buy));
    browser.assertNoScriptErrors();
  }

  @Test
  @Order(2)
  void overviewCountsTheUptimeOnLive() {
    running();
    browser.open("#/");
    By uptime = By.cssSelector("tr[data-bot='" + bot + "'] .uptime");
    String first = browser.await(uptime).getText();
    assertThat(first).matches("\\d+s|\\d+m \\d+s");
    // no event needed: the page counts on from the server's start time
    browser.wait.until(d -> !d.findElement(uptime).getText().equals(first));
    assertThat(browser.driver.findElement(uptime).getAttribute("title")).startsWith("since 20");
    browser.screenshots("overview-uptime");
    browser.assertNoScriptErrors();
  }
}
