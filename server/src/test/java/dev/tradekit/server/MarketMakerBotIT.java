package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * A market maker run entirely over the API against FakeBinance: keys and bot created by HTTP,
 * started, quotes at the venue and on the event stream, a parameter changed live, a change that
 * needs a restart refused, other users refused, stopped with nothing left resting; closed and
 * resumed by the next start.
 */
class MarketMakerBotIT extends ServerItSupport {

  private static String mmBot(String keyId, double spreadBps, String symbol) {
    return "{\"name\":\"btc mm\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\","
        + "\"keyId\":\""
        + keyId
        + "\",\"config\":"
        + config(spreadBps, symbol)
        + "}";
  }

  private static String config(double spreadBps, String symbol) {
    return "{\"symbol\":\""
        + symbol
        + "\",\"strategy\":\"fixed-spread\",\"parameters\":{\"spreadBps\":"
        + spreadBps
        + ",\"quantity\":\"0.002\"}}";
  }

  private static BigDecimal bid(List<Order> orders) {
    return orders.stream()
        .filter(o -> o.side() == Side.BUY)
        .findFirst()
        .map(Order::price)
        .orElseThrow();
  }

  @Test
  void runsAMarketMakerFromTheApiChangesItLiveAndStopsWithNothingResting() throws Exception {
    VenueFixture v = venue("key-mm");
    ServerFixture f = serve(v, 3);
    ServerFixture.Users u = f.users();
    String key = f.key(u.alice(), "key-mm", VenueFixture.secret("key-mm"));
    HttpResponse<String> created = f.post("/api/bots", mmBot(key, 10, "BTCUSDT"), u.alice());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String bot = String.valueOf(ServerFixture.json(created).get("id"));
    BlockingQueue<EventStream.Frame> events = EventStream.open(f, u.alice(), null, streams);

    // a u.viewer() reads but never acts; another trader does not even see the bot
    assertThat(f.post("/api/bots/" + bot + "/start", "", u.viewer()).statusCode()).isEqualTo(403);
    assertThat(f.post("/api/bots/" + bot + "/start", "", u.bob()).statusCode()).isEqualTo(404);
    assertThat(f.get("/api/bots/" + bot + "/status", u.bob()).statusCode()).isEqualTo(404);
    assertThat(v.openOrders("key-mm")).isEmpty();

    HttpResponse<String> started = f.post("/api/bots/" + bot + "/start", "", u.alice());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(ServerFixture.json(started).get("state")).isEqualTo("running");
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "two quotes at the venue");
    Map<String, EventStream.Frame> seen =
        EventStream.first(events, "bot.started", "bot.order.placed");
    assertThat(String.valueOf(seen.get("bot.started"))).contains(bot);
    assertThat(String.valueOf(seen.get("bot.order.placed"))).contains("BTCUSDT").contains(bot);
    VenueFixture.await(
        () -> ServerFixture.items(f.get("/api/bots/" + bot + "/orders", u.alice())).size() == 2,
        "the API lists the two quotes");
    // a u.viewer() is a user too: another user's bot does not exist for them
    assertThat(f.get("/api/bots/" + bot + "/orders", u.viewer()).statusCode()).isEqualTo(404);
    assertThat(f.get("/api/bots/" + bot + "/orders", u.admin()).statusCode()).isEqualTo(200);
    Map<String, Object> status =
        ServerFixture.json(f.get("/api/bots/" + bot + "/status", u.alice()));
    assertThat(status.get("state")).isEqualTo("running");
    assertThat(String.valueOf(status.get("engine"))).contains("MarketMaker");

    // the spread widens live: 10 bps → 40 bps moves the bid about 180 USDT down
    BigDecimal before = bid(v.openOrders("key-mm"));
    HttpResponse<String> widened =
        f.send(
            "PATCH", "/api/bots/" + bot, "{\"config\":" + config(40, "BTCUSDT") + "}", u.alice());
    assertThat(widened.statusCode()).as(widened.body()).isEqualTo(200);
    VenueFixture.await(
        () -> {
          List<Order> now = v.openOrders("key-mm");
          return now.size() == 2 && bid(now).compareTo(before.subtract(new BigDecimal("100"))) < 0;
        },
        "the bid moved out with the wider spread");

    // a new symbol needs a restart: refused, nothing stored
    HttpResponse<String> moved =
        f.send(
            "PATCH", "/api/bots/" + bot, "{\"config\":" + config(40, "ETHUSDT") + "}", u.alice());
    assertThat(moved.statusCode()).isEqualTo(409);
    assertThat(moved.body()).contains("restart-required");
    assertThat(f.get("/api/bots/" + bot, u.alice()).body())
        .contains("BTCUSDT")
        .doesNotContain("ETH");
    assertThat(f.send("DELETE", "/api/bots/" + bot, null, u.alice()).statusCode()).isEqualTo(409);
    assertThat(f.post("/api/bots/" + bot + "/stop", "", u.viewer()).statusCode()).isEqualTo(403);
    assertThat(f.post("/api/bots/" + bot + "/stop", "", u.bob()).statusCode()).isEqualTo(404);
    assertThat(v.openOrders("key-mm")).hasSize(2);

    HttpResponse<String> stopped = f.post("/api/bots/" + bot + "/stop", "", u.alice());
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(ServerFixture.json(stopped).get("state")).isEqualTo("stopped");
    assertThat(v.openOrders("key-mm")).as("the engine's stop cancelled every quote").isEmpty();
    assertThat(EventStream.next(events, "bot.stopped").data()).contains("stopped by alice");

    List<String> actions =
        ServerFixture.items(f.get("/api/audit", u.alice())).stream()
            .map(m -> m.get("action") + " " + m.get("outcome"))
            .toList();
    assertThat(actions)
        .contains("bot.start ok", "bot.update ok", "bot.update refused: restart-required")
        .contains("bot.stop ok");
    assertThat(ServerFixture.SEEN.toString()).doesNotContain(VenueFixture.secret("key-mm"));
    assertThat(ServerFixture.capturedStderr()).doesNotContain(VenueFixture.secret("key-mm"));
  }

  @Test
  void closingStopsRunningBotsCleanlyAndTheNextStartResumesThem() throws Exception {
    VenueFixture v = venue("key-mm");
    ServerFixture first = new ServerFixture(v.plane(dir, ServerFixture.key(4)).build().start());
    String admin = first.setupAdmin();
    String key = first.key(admin, "key-mm", VenueFixture.secret("key-mm"));
    String bot =
        String.valueOf(
            ServerFixture.json(first.post("/api/bots", mmBot(key, 10, "BTCUSDT"), admin))
                .get("id"));
    assertThat(first.post("/api/bots/" + bot + "/start", "", admin).statusCode()).isEqualTo(200);
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "two quotes at the venue");

    first.close();
    assertThat(v.openOrders("key-mm")).as("close() stopped the engine, cancelling").isEmpty();

    ServerFixture second = serve(v, 4);
    String token =
        String.valueOf(second.login("admin", ServerFixture.ADMIN_PASSWORD).get("accessToken"));
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "the resumed bot quotes again");
    VenueFixture.await(
        () ->
            "running"
                .equals(
                    ServerFixture.json(second.get("/api/bots/" + bot + "/status", token))
                        .get("state")),
        "the resumed bot is running");
    assertThat(
            ServerFixture.items(second.get("/api/audit", token)).stream()
                .map(m -> String.valueOf(m.get("action")))
                .toList())
        .contains("bot.resume");
    second.post("/api/bots/" + bot + "/stop", "", token);
    assertThat(v.openOrders("key-mm")).isEmpty();
  }
}
