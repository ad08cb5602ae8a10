package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, both named by path so nothing is
 * downloaded at run time. Tests skip (with the install command) when either is missing.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("TRADEKIT_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("TRADEKIT_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(30);

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String base;

  static final String MISSING =
      "the dashboard's browser tests need Chromium and chromedriver at "
          + CHROMIUM
          + " and "
          + DRIVER
          + ": apt-get install chromium chromium-driver";

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  /**
   * Disables a browser test class, saying how to install what is missing, when Chromium or
   * chromedriver is not there: {@code @ExtendWith(Browser.Installed.class)}.
   */
  static final class Installed implements ExecutionCondition {
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (installed()) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
      }
      if (SAID.compareAndSet(false, true)) {
        System.err.println("SKIPPED: " + MISSING);
      }
      return ConditionEvaluationResult.disabled(MISSING);
    }
  }

  Browser(String base) {
    this.base = base;
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--window-size=1280,900");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, WAIT);
    // live pages re-render rows from the event stream: a row read while it is replaced is read
    // again
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** Opens a dashboard route, e.g. {@code "#/keys"}. */
  void open(String hash) {
    driver.get(base + "/" + hash);
  }

  WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void awaitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  void type(By by, String text) {
    WebElement e = await(by);
    e.clear();
    e.sendKeys(text);
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  @Nullable Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Runs an async fetch in the page and returns "status body". */
  String fetch(String method, String path, String body) {
    return String.valueOf(
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const [m, p, b, done] = arguments;"
                    + "const c = /(?:^|;\\s*)tk_csrf=([^;]*)/.exec(document.cookie);"
                    + "const headers = {'Content-Type': 'application/json'};"
                    + "if (c) headers['X-CSRF-Token'] = decodeURIComponent(c[1]);"
                    + "fetch(p, {method: m, headers, body: m === 'GET' ? undefined : b,"
                    + " credentials: 'same-origin'})"
                    + ".then(async r => done(r.status + ' ' + await r.text()))"
                    + ".catch(e => done('error ' + e));",
                method,
                path,
                body));
  }

  /**
   * Signs in through the sign-in page, signing out first when someone else is signed in (nothing to
   * do when this user already is).
   */
  void signIn(String user, String password) {
    open("#/signin");
    wait.until(
        d ->
            !d.findElements(By.id("signin-form")).isEmpty()
                || !d.findElements(By.id("sign-out")).isEmpty());
    if (!driver.findElements(By.id("who-name")).isEmpty()
        && driver.findElement(By.id("who-name")).getText().equals(user)) {
      return; // already signed in as this user
    }
    if (!driver.findElements(By.id("sign-out")).isEmpty()) {
      click(By.id("sign-out"));
      await(By.id("signin-form"));
    }
    type(By.id("signin-username"), user);
    type(By.id("signin-password"), password);
    click(By.id("signin-submit"));
    awaitText(By.id("who-name"), user);
  }

  /** Saves a desktop-width and a phone-width screenshot under target/screenshots. */
  void screenshots(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Dimension desktop = driver.manage().window().getSize();
      Files.write(dir.resolve(name + "-desktop.png"), driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new Dimension(390, 844));
      Files.write(dir.resolve(name + "-phone.png"), driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(desktop);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save a screenshot: " + e, e);
    }
  }

  /**
   * Asserts the page logged no script error and no Content-Security-Policy violation since the last
   * call (failed loads, such as the 401 that starts a session renewal, are expected).
   */
  void assertNoScriptErrors() {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    String errors =
        entries.stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !m.contains("Failed to load resource"))
            .collect(Collectors.joining("\n"));
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** Closes the browser first (so no event stream holds the server), then the server. */
  static void closeBoth(@Nullable Browser browser, @Nullable ServerFixture server) {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
