package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Backtests page in a real browser: submit from the form, watch the progress bar move from the
 * event stream, cancel a long run, open a finished run's report, compare runs in a sortable table;
 * a viewer gets neither the form nor a cancel button.
 */
@ExtendWith(Browser.Installed.class)
class BacktestsBrowserIT {
  @TempDir static Path dir;
  private static ServerFixture f;
  private static Browser browser;

  @BeforeAll
  static void start() {
    f =
        new ServerFixture(
            ServerFixture.builder(dir, ServerFixture.key(6))
                .backtestPool(1, 4)
                .backtestProgressEvery(Duration.ofMillis(50))
                .build()
                .start());
    browser = new Browser(f.base);
  }

  @AfterAll
  static void stop() {
    Browser.closeBoth(browser, f);
  }

  private static WebElement row(String name) {
    return browser.await(
        By.xpath("//table[@id='backtests-table']//tr[td[1][text()='" + name + "']]"));
  }

  @Test
  void submitsWatchesProgressCancelsOpensTheReportAndComparesRuns() {
    String admin = f.setupAdmin();
    f.user(admin, "vera", "viewer");
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.click(By.cssSelector("nav a[href='#/backtests']"));
    browser.await(By.id("backtest-form"));
    browser.await(By.id("no-backtests"));
    WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(180));

    // a bad parameter: the server's problem shows under the parameters field
    browser.type(By.id("bt-params"), "spread=2");
    browser.click(By.id("bt-submit"));
    browser.awaitText(By.id("bt-params-error"), "spread");

    // a long run: its progress bar moves without a reload, then it is cancelled
    browser.type(By.id("bt-name"), "month long");
    browser.type(By.id("bt-params"), "spread=0.0003");
    browser.type(By.id("bt-minutes"), "43200");
    browser.click(By.id("bt-submit"));
    row("month long");
    slow.until(
        d -> {
          try {
            WebElement r = row("month long");
            String p = r.findElement(By.cssSelector(".job-progress .num")).getText();
            return !p.equals("0.0 %") && r.getText().contains("running");
          } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return false; // the table was redrawn under us: look again
          }
        });
    browser.screenshots("backtests-running");
    WebElement cancel = row("month long").findElement(By.cssSelector("[data-cancel]"));
    cancel.click();
    cancel.click();
    slow.until(
        d ->
            !d.findElements(
                    By.xpath(
                        "//table[@id='backtests-table']//tr[td[1][text()='month long']]"
                            + "//span[@data-state='cancelled']"))
                .isEmpty());

    // two short runs that finish; each lands in the comparison table
    for (String[] run : new String[][] {{"narrow", "0.0002"}, {"wide", "0.0008"}}) {
      browser.type(By.id("bt-name"), run[0]);
      browser.type(By.id("bt-params"), "spread=" + run[1]);
      browser.type(By.id("bt-minutes"), "60");
      browser.click(By.id("bt-submit"));
      slow.until(
          d ->
              !d.findElements(
                      By.xpath(
                          "//table[@id='backtests-table']//tr[td[1][text()='"
                              + run[0]
                              + "']]//span[@data-state='done']"))
                  .isEmpty());
    }
    WebElement done = row("wide");
    assertThat(done.findElement(By.cssSelector(".job-progress .num")).getText())
        .isEqualTo("100.0 %");
    assertThat(done.findElements(By.cssSelector("[data-cancel]"))).isEmpty();

    List<WebElement> compared =
        browser.driver.findElements(By.cssSelector("#compare-table tbody tr"));
    assertThat(compared).hasSize(2);
    for (WebElement tr : compared) {
      assertThat(tr.findElement(By.cssSelector("td[data-key='totalReturn']")).getText())
          .endsWith(" %");
      assertThat(tr.findElement(By.cssSelector("td[data-key='fees']")).getText()).endsWith(" USDT");
    }
    // sort by Sharpe, then the other way round: the order flips
    browser.click(By.cssSelector("#compare-table button[data-sort='sharpe']"));
    List<String> first = names();
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("#compare-table th[aria-sort='descending']"))
                .getText())
        .startsWith("Sharpe");
    browser.click(By.cssSelector("#compare-table button[data-sort='sharpe']"));
    List<String> second = names();
    assertThat(second).containsExactlyInAnyOrderElementsOf(first);
    assertThat(
            browser.driver.findElements(By.cssSelector("#compare-table th[aria-sort='ascending']")))
        .hasSize(1);
    browser.screenshots("backtests");

    // the report opens in a new tab, as the server rendered it
    String page = browser.driver.getWindowHandle();
    row("wide").findElement(By.cssSelector("a[data-report]")).click();
    slow.until(d -> d.getWindowHandles().size() == 2);
    for (String w : browser.driver.getWindowHandles()) {
      if (!w.equals(page)) {
        browser.driver.switchTo().window(w);
      }
    }
    slow.until(d -> String.valueOf(d.getPageSource()).contains("Backtest report"));
    assertThat(browser.driver.getTitle()).isEqualTo("Backtest report");
    browser.screenshots("backtest-report");
    browser.driver.close();
    browser.driver.switchTo().window(page);

    // delete the cancelled run (two steps): its row leaves the table, the others stay
    WebElement delete = row("month long").findElement(By.cssSelector("[data-delete]"));
    delete.click();
    delete.click();
    slow.until(
        d ->
            d.findElements(
                    By.xpath("//table[@id='backtests-table']//tr[td[1][text()='month long']]"))
                .isEmpty());
    assertThat(row("wide").getText()).contains("done");
    browser.assertNoScriptErrors();

    // a viewer: no form, no cancel button
    browser.signIn("vera", "vera-password-1");
    browser.open("#/backtests");
    browser.await(By.id("no-backtests"));
    assertThat(browser.driver.findElements(By.id("backtest-form"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("[data-cancel]"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("[data-delete]"))).isEmpty();
  }

  private static List<String> names() {
    List<String> out = new ArrayList<>();
    for (WebElement td :
        browser.driver.findElements(By.cssSelector("#compare-table tbody tr td:first-child"))) {
      out.add(td.getText());
    }
    return out;
  }
}
