package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Order;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Steering a running bot over the API against FakeBinance: pause and resume (quotes cancelled, then
 * back), manual orders placed and cancelled through the bot's account, and a market maker's history
 * served from its fill log, as JSON or CSV, also while it is stopped.
 */
class BotControlIT extends ServerItSupport {

  private static String mmBot(String keyId) {
    return "{\"name\":\"btc mm\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\","
        + "\"keyId\":\""
        + keyId
        + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\","
        + "\"parameters\":{\"spreadBps\":10,\"quantity\":\"0.002\"}}}";
  }

  private static List<String> audit(ServerFixture f, String token) {
    return ServerFixture.items(f.get("/api/audit", token)).stream()
        .map(m -> m.get("action") + " " + m.get("outcome"))
        .toList();
  }

  @Test
  void pausingAMarketMakerCancelsItsQuotesAndResumingQuotesAgain() throws Exception {
    VenueFixture v = venue("key-mm");
    ServerFixture f = serve(v, 5);
    ServerFixture.Users u = f.users();
    String key = f.key(u.alice(), "key-mm", VenueFixture.secret("key-mm"));
    String bot =
        String.valueOf(ServerFixture.json(f.post("/api/bots", mmBot(key), u.alice())).get("id"));
    HttpResponse<String> early = f.post("/api/bots/" + bot + "/pause", "", u.alice());
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("bot-not-running");
    BlockingQueue<EventStream.Frame> events = EventStream.open(f, u.alice(), null, streams);
    assertThat(f.post("/api/bots/" + bot + "/start", "", u.alice()).statusCode()).isEqualTo(200);
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "two quotes at the venue");

    assertThat(f.post("/api/bots/" + bot + "/pause", "", u.viewer()).statusCode()).isEqualTo(403);
    assertThat(f.post("/api/bots/" + bot + "/pause", "", u.bob()).statusCode()).isEqualTo(404);
    assertThat(v.openOrders("key-mm")).hasSize(2);

    HttpResponse<String> paused = f.post("/api/bots/" + bot + "/pause", "", u.alice());
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(ServerFixture.json(paused).get("state")).isEqualTo("paused");
    VenueFixture.await(() -> v.openOrders("key-mm").isEmpty(), "the paused bot's quotes cancelled");
    assertThat(EventStream.next(events, "bot.paused").data()).contains("paused by alice");
    Map<String, Object> status =
        ServerFixture.json(f.get("/api/bots/" + bot + "/status", u.alice()));
    assertThat(status.get("state")).isEqualTo("paused");
    assertThat(String.valueOf(status.get("engine"))).contains("paused=true").contains("RUNNING");

    HttpResponse<String> resumed = f.post("/api/bots/" + bot + "/resume", "", u.alice());
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(ServerFixture.json(resumed).get("state")).isEqualTo("running");
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "the resumed bot quotes again");
    assertThat(EventStream.next(events, "bot.resumed").data()).contains("resumed by alice");
    assertThat(audit(f, u.alice()))
        .contains("bot.pause ok", "bot.resume ok", "bot.pause refused: bot-not-running");
    f.post("/api/bots/" + bot + "/stop", "", u.alice());
    assertThat(v.openOrders("key-mm")).isEmpty();
  }

  @Test
  void placesARoundedManualOrderThroughTheBotsAccountAndCancelsIt() throws Exception {
    VenueFixture v = venue("key-mm");
    ServerFixture f = serve(v, 6);
    ServerFixture.Users u = f.users();
    String key = f.key(u.alice(), "key-mm", VenueFixture.secret("key-mm"));
    String bot =
        String.valueOf(ServerFixture.json(f.post("/api/bots", mmBot(key), u.alice())).get("id"));
    String orders = "/api/bots/" + bot + "/orders";
    String order =
        "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.0025\","
            + "\"price\":\"1000.17\"}";
    assertThat(f.post(orders, order, u.alice()).statusCode()).as("not running").isEqualTo(409);
    assertThat(f.post("/api/bots/" + bot + "/start", "", u.alice()).statusCode()).isEqualTo(200);
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "two quotes at the venue");

    assertThat(f.post(orders, order, u.viewer()).statusCode()).isEqualTo(403);
    assertThat(f.post(orders, order, u.bob()).statusCode()).isEqualTo(404);
    HttpResponse<String> noPrice =
        f.post(
            orders, "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}", u.alice());
    assertThat(noPrice.statusCode()).isEqualTo(400);
    assertThat(noPrice.body()).contains("price").contains("LIMIT");
    HttpResponse<String> tiny =
        f.post(
            orders,
            "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"0.0004\"}",
            u.alice());
    assertThat(tiny.statusCode()).isEqualTo(400);
    assertThat(tiny.body()).contains("quantity").contains("0.001");
    HttpResponse<String> unknown = f.post(orders, order.replace("BTCUSDT", "DOGEUSDT"), u.alice());
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("symbol");
    assertThat(f.post(orders, order.replace("}", ",\"leverage\":5}"), u.alice()).statusCode())
        .isEqualTo(400);
    assertThat(f.post(orders, order.replace("\"BUY\"", "\"HOLD\""), u.alice()).statusCode())
        .isEqualTo(400);
    assertThat(v.openOrders("key-mm")).as("no bad request reached the venue").hasSize(2);

    HttpResponse<String> placed = f.post(orders, order, u.alice());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    Map<String, Object> o = ServerFixture.json(placed);
    assertThat(o.get("price")).as("a buy rounds down onto the tick").isEqualTo("1000.1");
    assertThat(o.get("quantity")).as("rounded down onto the step").isEqualTo("0.002");
    assertThat(o.get("account")).isEqualTo("bot");
    assertThat(String.valueOf(o.get("clientOrderId"))).contains("_m");
    String orderId = String.valueOf(o.get("orderId"));
    VenueFixture.await(
        () ->
            v.openOrders("key-mm").stream().anyMatch(x -> x.orderId().equals(orderId))
                && v.openOrders("key-mm").size() == 3,
        "the manual order rests beside the bot's two quotes");

    assertThat(f.send("DELETE", orders + "/" + orderId, null, u.viewer()).statusCode())
        .isEqualTo(403);
    assertThat(f.send("DELETE", orders + "/" + orderId, null, u.bob()).statusCode()).isEqualTo(404);
    assertThat(f.send("DELETE", orders + "/999999999", null, u.alice()).statusCode())
        .isEqualTo(404);
    HttpResponse<String> cancelled = f.send("DELETE", orders + "/" + orderId, null, u.alice());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(ServerFixture.json(cancelled).get("status")).isEqualTo("CANCELED");
    List<Order> left = v.openOrders("key-mm");
    assertThat(left).noneMatch(x -> x.orderId().equals(orderId));
    assertThat(audit(f, u.alice()))
        .contains("bot.order.place ok", "bot.order.cancel ok")
        .doesNotContain("bot.order.place failed");
    f.post("/api/bots/" + bot + "/stop", "", u.alice());
  }

  @Test
  void servesAMarketMakersHistoryFromItsFillLogAsJsonOrCsvAlsoWhenStopped() throws Exception {
    VenueFixture v = venue("key-mm");
    ServerFixture f = serve(v, 7);
    String admin = f.setupAdmin();
    String key = f.key(admin, "key-mm", VenueFixture.secret("key-mm"));
    String bot =
        String.valueOf(ServerFixture.json(f.post("/api/bots", mmBot(key), admin)).get("id"));
    String history = "/api/bots/" + bot + "/history";
    assertThat(f.get(history, admin).statusCode()).as("never ran: no log yet").isEqualTo(409);
    assertThat(f.post("/api/bots/" + bot + "/start", "", admin).statusCode()).isEqualTo(200);
    VenueFixture.await(() -> v.openOrders("key-mm").size() == 2, "two quotes at the venue");

    Map<String, Object> pnl = ServerFixture.json(f.get("/api/bots/" + bot + "/pnl", admin));
    assertThat(pnl.get("counts")).isEqualTo("bot-fills");
    assertThat(pnl.get("symbol")).isEqualTo("BTCUSDT");
    HttpResponse<String> csv = f.get(history + "?format=csv&symbol=BTCUSDT", admin);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(csv.body().split("\r\n", -1)[0]).isEqualTo(String.join(",", Csv.FILL_COLUMNS));
    HttpResponse<String> accepted = f.send("GET", history, null, admin, "Accept", "text/csv");
    assertThat(accepted.body()).startsWith("symbol,tradeId,");

    assertThat(f.post("/api/bots/" + bot + "/stop", "", admin).statusCode()).isEqualTo(200);
    HttpResponse<String> stopped = f.get(history, admin);
    assertThat(stopped.statusCode())
        .as("a stopped bot's history is read from its fill log")
        .isEqualTo(200);
    assertThat(ServerFixture.json(stopped)).containsKey("items");
  }
}
