package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus scrape over loopback: per-bot meters of a copier and a market maker running on
 * FakeBinance, HTTP timers by route template, JVM meters; admins only on the API port, without
 * authentication on the loopback-only metrics port; a deleted bot's meters are gone.
 */
class MetricsIT extends ServerItSupport {
  private @Nullable Exchange leader;

  /**
   * The value of the first sample of {@code name} whose labels include every one given (a label
   * value may hold braces: a route template).
   */
  static double sample(String scrape, String name, String... labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$").matcher(scrape);
    while (m.find()) {
      boolean all = true;
      for (String l : labels) {
        all &= m.group(1).contains(l);
      }
      if (all) {
        return Double.parseDouble(m.group(2));
      }
    }
    return Double.NaN;
  }

  private HttpResponse<String> scrapeOn(int port) {
    ServerFixture f = java.util.Objects.requireNonNull(server);
    try {
      HttpResponse<String> r =
          f.http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      ServerFixture.SEEN.append(r.body()).append('\n');
      return r;
    } catch (Exception e) {
      throw new IllegalStateException("scrape on " + port + ": " + e, e);
    }
  }

  @Test
  void scrapeShowsPerBotCountersHttpTimersAndJvmMetersToAdminsOnly() throws Exception {
    VenueFixture v = venue("leader", "half", "key-mm");
    leader = account("leader");
    ServerFixture f = serve(v, 5);
    ServerFixture.Users u = f.users();
    String lead = f.key(u.alice(), "leader", VenueFixture.secret("leader"));
    String half = f.key(u.alice(), "half", VenueFixture.secret("half"));
    String mmKey = f.key(u.alice(), "key-mm", VenueFixture.secret("key-mm"));
    String copier =
        f.create(ServerFixture.copierBot(lead, half, ServerFixture.RATIO_HALF), u.alice());
    HttpResponse<String> mmCreated =
        f.post(
            "/api/bots",
            "{\"name\":\"mm\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\",\"keyId\":\""
                + mmKey
                + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\","
                + "\"parameters\":{\"spreadBps\":10,\"quantity\":\"0.002\"}}}",
            u.alice());
    assertThat(mmCreated.statusCode()).as(mmCreated.body()).isEqualTo(201);
    String mm = String.valueOf(ServerFixture.json(mmCreated).get("id"));
    assertThat(f.post("/api/bots/" + copier + "/start", "", u.alice()).statusCode()).isEqualTo(200);
    assertThat(f.post("/api/bots/" + mm + "/start", "", u.alice()).statusCode()).isEqualTo(200);
    assertThat(f.get("/api/bots/" + mm + "/status", u.alice()).statusCode()).isEqualTo(200);

    java.util.Objects.requireNonNull(leader)
        .trading()
        .place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.010")))
        .get(30, TimeUnit.SECONDS);
    // labels come sorted by name, so each is matched on its own
    String copierTags = "bot=\"" + copier + "\"";
    String mmTags = "bot=\"" + mm + "\"";
    VenueFixture.await(
        () -> {
          String s = f.get("/metrics", u.admin()).body();
          return sample(s, "tradekit_bot_copies_total", copierTags, "outcome=\"copied\"") == 1
              && sample(s, "tradekit_bot_orders_placed_total", mmTags) >= 2;
        },
        "the scrape counts the copy and the market maker's quotes");

    HttpResponse<String> r = f.get("/metrics", u.admin());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    String s = r.body();
    String venue = "venue=\"binance-usdm\"";
    assertThat(sample(s, "tradekit_bot_copies_total", copierTags, "kind=\"copier\"", venue))
        .isEqualTo(1);
    assertThat(
            sample(s, "tradekit_bot_orders_placed_total", mmTags, "kind=\"market-maker\"", venue))
        .isGreaterThanOrEqualTo(2);
    // the copier: one copy, its latency timed with percentiles, nothing failed
    assertThat(sample(s, "tradekit_bot_copy_latency_seconds_count", copierTags)).isEqualTo(1);
    assertThat(sample(s, "tradekit_bot_copy_latency_seconds", copierTags, "quantile=\"0.99\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(sample(s, "tradekit_bot_copies_total", copierTags, "outcome=\"failed\"")).isZero();
    assertThat(sample(s, "tradekit_bot_rejects_total", copierTags)).isZero();
    assertThat(sample(s, "tradekit_bot_stream_staleness_seconds", copierTags)).isNotNaN();
    assertThat(sample(s, "tradekit_bot_followers_active", copierTags)).isEqualTo(1);
    // the market maker: quotes placed, its gauges read from the engine (flat: no inventory)
    assertThat(sample(s, "tradekit_bot_orders_placed_total", mmTags)).isGreaterThanOrEqualTo(2);
    assertThat(sample(s, "tradekit_bot_open_orders", mmTags)).isBetween(0.0, 2.0);
    assertThat(sample(s, "tradekit_bot_inventory", mmTags)).isNotNaN();
    assertThat(sample(s, "tradekit_bot_pnl_realised", mmTags)).isNotNaN();
    assertThat(sample(s, "tradekit_bot_pnl_unrealised", mmTags)).isNotNaN();
    assertThat(sample(s, "tradekit_bot_fills_total", mmTags)).isGreaterThanOrEqualTo(0);
    // it quoted, so it has seen a book: its age on the engine's clock, not NaN
    assertThat(sample(s, "tradekit_bot_book_age_seconds", mmTags)).isBetween(0.0, 60.0);
    // HTTP by route template, never by raw path; JVM and backtest meters
    assertThat(
            sample(
                s,
                "jetty_server_requests_seconds_count",
                "method=\"GET\"",
                "uri=\"/api/bots/{id}/status\"",
                "status=\"200\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                s,
                "jetty_server_requests_seconds_count",
                "method=\"POST\"",
                "uri=\"/api/bots/{id}/start\""))
        .isEqualTo(2);
    assertThat(s).doesNotContain("uri=\"/api/bots/" + mm).doesNotContain("uri=\"/api/bots/bot_");
    assertThat(s)
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_gc_")
        .contains("jvm_threads_live_threads ")
        .contains("jvm_classes_loaded_classes ")
        .contains("system_cpu_count ")
        .contains("process_uptime_seconds ")
        .contains("jetty_threads_busy ")
        .contains("tradekit_backtest_jobs{state=\"queued\"} 0.0");
    // no user names, no key ids, no keys or secrets in any label or value
    assertThat(s)
        .doesNotContain("alice")
        .doesNotContain(lead)
        .doesNotContain(mmKey)
        .doesNotContain(VenueFixture.secret("leader"))
        .doesNotContain(VenueFixture.secret("key-mm"));

    // only an u.admin() scrapes on the API port
    assertThat(f.get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(f.get("/metrics", u.viewer()).statusCode()).isEqualTo(403);
    assertThat(f.get("/metrics", u.alice()).statusCode()).isEqualTo(403);
    assertThat(f.plane.metricsPort()).isEqualTo(-1);

    // stopped: counters stay, gauges go; started again: counting goes on
    assertThat(f.post("/api/bots/" + mm + "/stop", "", u.alice()).statusCode()).isEqualTo(200);
    String stopped = f.get("/metrics", u.admin()).body();
    double placed = sample(stopped, "tradekit_bot_orders_placed_total", mmTags);
    assertThat(placed).isGreaterThanOrEqualTo(2);
    assertThat(sample(stopped, "tradekit_bot_inventory", mmTags)).isNaN();
    assertThat(f.post("/api/bots/" + mm + "/start", "", u.alice()).statusCode()).isEqualTo(200);
    VenueFixture.await(
        () ->
            sample(f.get("/metrics", u.admin()).body(), "tradekit_bot_orders_placed_total", mmTags)
                > placed,
        "the restarted market maker counts on");
    assertThat(f.post("/api/bots/" + mm + "/stop", "", u.alice()).statusCode()).isEqualTo(200);

    // deleted: every meter of the bot is gone
    assertThat(f.send("DELETE", "/api/bots/" + mm, null, u.alice()).statusCode()).isEqualTo(204);
    String after = f.get("/metrics", u.admin()).body();
    assertThat(after).doesNotContain("bot=\"" + mm + "\"").contains("bot=\"" + copier + "\"");
  }

  @Test
  void theMetricsPortServesTheScrapeWithoutAuthOnLoopbackOnly() throws Exception {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(6)).metricsPort(0));
    String admin = f.setupAdmin();
    int port = f.plane.metricsPort();
    assertThat(port).isPositive().isNotEqualTo(f.plane.port());

    HttpResponse<String> r = scrapeOn(port);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    assertThat(r.body()).contains("jvm_memory_used_bytes{").contains("uri=\"/api/setup\"");
    // the same registry as the admin's scrape on the API port (Jetty's timer records a request
    // once it has completed, which may be after the client read the response: wait for it)
    VenueFixture.await(
        () -> f.get("/metrics", admin).body().contains("uri=\"/metrics\""),
        "the admin's scrape shows the scrape on the metrics port");

    // nothing else is served there: no API, no dashboard
    HttpResponse<String> api =
        f.http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).doesNotContain("status");
    HttpResponse<String> page =
        f.http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(404);

    // bound to 127.0.0.1 only: another local address of this machine is refused
    InetAddress other = nonLoopbackAddress();
    if (other != null) {
      try (Socket socket = new Socket()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> socket.connect(new InetSocketAddress(other, port), 2_000))
            .isInstanceOf(java.io.IOException.class);
      }
    }
  }

  private static @Nullable InetAddress nonLoopbackAddress() throws Exception {
    for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (var a : java.util.Collections.list(nif.getInetAddresses())) {
        if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return a;
        }
      }
    }
    return null;
  }

  @Test
  void aHostRegistryWithoutPrometheusIsNotScrapedAndNotClosed() {
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    ServerFixture f =
        serve(ServerFixture.builder(dir, ServerFixture.key(7)).meterRegistry(registry));
    String admin = f.setupAdmin();
    HttpResponse<String> r = f.get("/metrics", admin);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(registry.find("jetty.server.requests").tag("uri", "/api/setup").timer()).isNotNull();
    f.close();
    server = null;
    assertThat(registry.isClosed()).isFalse();
    assertThat(registry.find("jvm.memory.used").gauges()).isNotEmpty();
    assertThat(registry.find("jetty.threads.busy").gauge()).isNull();
  }
}
