package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Side;
import dev.tradekit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * A scanner bot created and started over the API against FakeBinance: a wall another account places
 * is found, enters the hot pool (visible in the bot's status and history) and its update reaches
 * the owner's event stream; paused, the bot publishes nothing new.
 */
class ScannerBotIT extends ServerItSupport {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> hotOrders(ServerFixture f, String bot, String token) {
    Map<String, Object> status = ServerFixture.json(f.get("/api/bots/" + bot + "/status", token));
    Map<String, Object> engine = (Map<String, Object>) status.get("engine");
    Object hot = engine == null ? null : engine.get("hotOrders");
    return hot == null ? List.of() : (List<Map<String, Object>>) hot;
  }

  @Test
  void aScannerBotFindsAWallShowsItsHotPoolAndStreamsItsUpdates() throws Exception {
    FakeBinance fake = VenueFixture.wallMarket();
    closeLast.add(fake);
    Exchange wall = afterServer(fake.adapter("key-wall").build());
    BigDecimal price = VenueFixture.placeWall(wall, Side.BUY);

    ServerFixture f =
        serve(
            ServerFixture.builder(dir, ServerFixture.key(8))
                .exchanges((provider, credentials) -> fake.adapter(credentials.apiKey()).build()));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");
    String key = f.key(alice, "key-scan", "secret-of-key-scan");
    HttpResponse<String> created = f.post("/api/bots", VenueFixture.wallScannerBot(key), alice);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String bot = String.valueOf(ServerFixture.json(created).get("id"));
    BlockingQueue<EventStream.Frame> events = EventStream.open(f, alice, null, streams);
    HttpResponse<String> started = f.post("/api/bots/" + bot + "/start", "", alice);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    String wallPrice = price.stripTrailingZeros().toPlainString();
    try {
      VenueFixture.await(
          () -> hotOrders(f, bot, alice).stream().anyMatch(o -> wallPrice.equals(o.get("price"))),
          "the wall is in the hot pool the API shows");
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "; wall "
              + wallPrice
              + "; status "
              + f.get("/api/bots/" + bot + "/status", alice).body(),
          e);
    }
    Map<String, Object> hot =
        hotOrders(f, bot, alice).stream()
            .filter(o -> wallPrice.equals(o.get("price")))
            .findFirst()
            .orElseThrow();
    assertThat(hot.get("symbol")).isEqualTo("BTCUSDT");
    assertThat(hot.get("side")).isEqualTo("BUY");
    assertThat(ServerFixture.items(f.get("/api/bots/" + bot + "/history", alice)))
        .anyMatch(o -> wallPrice.equals(o.get("price")));
    EventStream.Frame update = EventStream.next(events, "bot.scanner.update");
    assertThat(update.data()).contains(bot).contains("BTCUSDT");
    assertThat(f.get("/api/bots/" + bot + "/status", bob).statusCode()).isEqualTo(404);

    HttpResponse<String> paused = f.post("/api/bots/" + bot + "/pause", "", alice);
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(String.valueOf(ServerFixture.json(f.get("/api/bots/" + bot + "/status", alice))))
        .contains("paused=true");
    assertThat(f.post("/api/bots/" + bot + "/stop", "", alice).statusCode()).isEqualTo(200);
  }
}
