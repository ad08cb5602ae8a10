package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The live feed across a server restart: the page keeps its place, renews its session with the
 * stored refresh token, reconnects with Last-Event-ID and shows every event once, in order.
 */
@ExtendWith(Browser.Installed.class)
class LiveResumeBrowserIT {
  @TempDir static Path dir;
  private static ServerFixture f;
  private static Browser browser;

  @BeforeAll
  static void start() {
    f = new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(6)).build().start());
    f.setupAdmin();
    browser = new Browser(f.base);
  }

  @AfterAll
  static void stop() {
    Browser.closeBoth(browser, f);
  }

  private static List<Long> publish(ServerFixture on, String owner, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(on.plane.api().hub().publish(owner, "test.tick", Map.of("n", i), 0));
    }
    return ids;
  }

  @Test
  void feedResumesAfterARestartWithoutGapsOrDuplicates() {
    browser.signIn("admin", ServerFixture.ADMIN_PASSWORD);
    browser.open("#/events");
    browser.await(By.cssSelector("#live-status[data-status='live']"));
    browser.script("window.__sameDocument = 'yes'");
    String owner = f.plane.store().userByName("admin").orElseThrow().id();
    List<Long> expected = new ArrayList<>(publish(f, owner, 5));
    browser.await(By.cssSelector("tr[data-event-id='" + expected.get(4) + "']"));

    // restart on the same port and database: a new token key, so the access cookie is void
    int port = f.plane.port();
    f.close();
    browser.await(By.cssSelector("#live-status[data-status='reconnecting']"));
    f =
        new ServerFixture(
            ControlPlane.builder()
                .bind("127.0.0.1", port)
                .store(Stores.sqlite(dir.resolve("tradekit.db")))
                .vault(ServerFixture.key(6))
                .build()
                .start());
    expected.addAll(publish(f, owner, 20));
    long last = expected.get(expected.size() - 1);
    browser.await(By.cssSelector("tr[data-event-id='" + last + "']"));
    browser.await(By.cssSelector("#live-status[data-status='live']"));

    @SuppressWarnings("unchecked")
    List<Object> shown =
        (List<Object>)
            Objects.requireNonNull(
                browser.script(
                    "return [...document.querySelectorAll('#events-body tr')]"
                        + ".filter(r => r.cells[2].textContent === 'test.tick')"
                        + ".map(r => Number(r.dataset.eventId)).reverse()"));
    List<Long> ids = shown.stream().map(o -> ((Number) o).longValue()).toList();
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(browser.script("return window.__sameDocument")).isEqualTo("yes");
    browser.assertNoScriptErrors();
  }
}
