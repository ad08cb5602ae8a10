package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tradekit demo} serves the dashboard while it runs: the printed one-time link signs an HTTP
 * client in once, as the demo user, who sees the demo's bots running; the same link fails the
 * second time; the control plane is gone when the demo ends.
 */
class DemoDashboardIT {
  @TempDir Path dir;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private static HttpResponse<String> send(String method, String url, String body, String cookie)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (!cookie.isEmpty()) {
      r.header("Cookie", cookie);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The access cookie the sign-in set, as a Cookie header. */
  private static String accessCookie(HttpResponse<String> r) {
    return r.headers().allValues("set-cookie").stream()
        .filter(c -> c.startsWith("tk_access="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .collect(Collectors.joining("; "));
  }

  @Test
  void printedLinkSignsInOnceAndShowsTheDemosBots() throws Exception {
    ServeCommandIT.Output out = new ServeCommandIT.Output("dashboard on ", 1);
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(new PrintWriter(out, true));
    int[] code = {-1};
    // long enough never to end on its own while the test looks; the test interrupts it
    Thread demo =
        new Thread(
            () ->
                code[0] =
                    cli.execute(
                        "--duration",
                        "10m",
                        "--plain",
                        "--report",
                        dir.resolve("report.html").toString(),
                        "--data-dir",
                        dir.resolve("data").toString()),
            "demo");
    demo.start();
    try {
      assertThat(out.serving.await(120, TimeUnit.SECONDS)).as(out.text()).isTrue();
      Matcher m =
          Pattern.compile("dashboard on (http://127\\.0\\.0\\.1:\\d+) .*\\n  (\\S+)")
              .matcher(out.text());
      assertThat(m.find()).as(out.text()).isTrue();
      String base = m.group(1);
      String link = m.group(2);
      assertThat(link).startsWith(base + "/#/link?token=");
      // what the dashboard's link page does with the token in the fragment
      String body = "{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}";

      HttpResponse<String> signedIn = send("POST", base + "/api/auth/link", body, "");
      assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
      assertThat(signedIn.body()).contains("\"username\":\"demo\"");
      String cookie = accessCookie(signedIn);
      assertThat(cookie).startsWith("tk_access=");

      HttpResponse<String> bots = send("GET", base + "/api/bots", "", cookie);
      assertThat(bots.statusCode()).as(bots.body()).isEqualTo(200);
      assertThat(bots.body())
          .contains("demo market maker", "demo copier", "demo scanner")
          .contains("\"state\":\"running\"");
      Matcher ids = Pattern.compile("\"id\":\"(bot_[^\"]+)\"").matcher(bots.body());
      List<String> botIds = ids.results().map(r -> r.group(1)).toList();
      assertThat(botIds).hasSize(3);
      for (String id : botIds) {
        HttpResponse<String> status = send("GET", base + "/api/bots/" + id + "/status", "", cookie);
        assertThat(status.body()).contains("\"state\":\"running\"").contains("\"startedAt\":");
      }

      HttpResponse<String> again = send("POST", base + "/api/auth/link", body, "");
      assertThat(again.statusCode()).isEqualTo(401);
      assertThat(again.body()).contains("used already or has expired");
      assertThat(out.text()).containsOnlyOnce(link);

      demo.interrupt();
      demo.join(120_000);
      assertThat(demo.isAlive()).isFalse();
      try {
        send("GET", base + "/api/health", "", "");
        throw new AssertionError("the dashboard still answers after the demo ended");
      } catch (java.io.IOException expected) {
        // the control plane stopped with the demo
      }
    } finally {
      demo.interrupt();
      demo.join(120_000);
    }
  }
}
