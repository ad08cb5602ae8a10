package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equity history of a market maker on FakeBinance: sampled on the control plane's timer while
 * the bot runs, bounded per bot, served to its owner (and admins) only, and still there after the
 * control plane restarts on the same store.
 */
class EquityHistoryIT {
  @TempDir Path dir;
  private @Nullable VenueFixture venue;
  private @Nullable ServerFixture server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (venue != null) {
      venue.close();
    }
  }

  private static List<Map<String, Object>> equity(ServerFixture f, String bot, String token) {
    HttpResponse<String> r = f.get("/api/bots/" + bot + "/equity", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ServerFixture.items(r);
  }

  private static long at(Map<String, Object> sample) {
    return ((Number) java.util.Objects.requireNonNull(sample.get("at"))).longValue();
  }

  @Test
  void samplesARunningMarketMakerKeepsTheNewestAndServesThemAfterARestart() throws Exception {
    VenueFixture v = new VenueFixture("key-mm");
    venue = v;
    ControlPlane.Builder builder =
        v.plane(dir, ServerFixture.key(5)).equityHistory(Duration.ofMillis(40), 5);
    ServerFixture first = new ServerFixture(builder.build().start());
    server = first;
    String admin = first.setupAdmin();
    String alice = first.user(admin, "alice", "trader");
    String bob = first.user(admin, "bob", "trader");
    String key = first.key(alice, "key-mm", VenueFixture.secret("key-mm"));
    HttpResponse<String> created =
        first.post(
            "/api/bots",
            "{\"name\":\"btc mm\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\","
                + "\"keyId\":\""
                + key
                + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\","
                + "\"parameters\":{\"spreadBps\":10,\"quantity\":\"0.002\"}}}",
            alice);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String bot = String.valueOf(ServerFixture.json(created).get("id"));
    assertThat(equity(first, bot, alice)).as("nothing sampled before the bot runs").isEmpty();

    assertThat(first.post("/api/bots/" + bot + "/start", "", alice).statusCode()).isEqualTo(200);
    VenueFixture.await(() -> equity(first, bot, alice).size() == 5, "five samples stored");
    long oldest = at(equity(first, bot, alice).get(0));
    VenueFixture.await(
        () -> at(equity(first, bot, alice).get(0)) > oldest, "newer samples pushed the oldest out");
    assertThat(equity(first, bot, alice)).as("the retention bounds the series").hasSize(5);

    Map<String, Object> sample = equity(first, bot, alice).get(4);
    assertThat(sample).containsKeys("realisedPnl", "unrealisedPnl", "fees", "totalPnl", "position");
    BigDecimal total =
        new BigDecimal(String.valueOf(sample.get("realisedPnl")))
            .subtract(new BigDecimal(String.valueOf(sample.get("fees"))))
            .add(new BigDecimal(String.valueOf(sample.get("unrealisedPnl"))));
    assertThat(new BigDecimal(String.valueOf(sample.get("totalPnl")))).isEqualByComparingTo(total);

    // another trader does not see the bot; an admin does; a bad range is refused
    assertThat(first.get("/api/bots/" + bot + "/equity", bob).statusCode()).isEqualTo(404);
    assertThat(equity(first, bot, admin)).isNotEmpty();
    assertThat(first.get("/api/bots/" + bot + "/equity?from=x", alice).statusCode()).isEqualTo(400);

    assertThat(first.post("/api/bots/" + bot + "/stop", "", alice).statusCode()).isEqualTo(200);
    List<Map<String, Object>> before = equity(first, bot, alice);
    long from = at(before.get(1));
    long to = at(before.get(3));
    first.close();
    server = null;

    ServerFixture second =
        new ServerFixture(
            v.plane(dir, ServerFixture.key(5))
                .equityHistory(Duration.ofMillis(40), 5)
                .build()
                .start());
    server = second;
    String token = String.valueOf(second.login("alice", "alice-password-1").get("accessToken"));
    assertThat(equity(second, bot, token))
        .as("the stored series outlived the restart")
        .isEqualTo(before);
    HttpResponse<String> range =
        second.get("/api/bots/" + bot + "/equity?from=" + from + "&to=" + to, token);
    assertThat(ServerFixture.items(range)).isEqualTo(before.subList(1, 4));

    assertThat(second.send("DELETE", "/api/bots/" + bot, null, token).statusCode()).isEqualTo(204);
    assertThat(second.get("/api/bots/" + bot + "/equity", token).statusCode()).isEqualTo(404);
  }
}
