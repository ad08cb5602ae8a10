package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A trade copier run over the API against FakeBinance: a leader fill is copied to two followers and
 * shows in the bot's history, positions, PnL and event stream; a follower is paused and removed
 * live; an emergency stop with flatten closes the copied positions.
 */
class CopierBotIT extends ServerItSupport {
  private @Nullable Exchange leader;

  private BigDecimal position(String account) {
    try {
      return java.util.Objects.requireNonNull(venue)
          .fake
          .venue()
          .account(account)
          .account()
          .positions()
          .get(30, TimeUnit.SECONDS)
          .stream()
          .filter(p -> p.symbol().equals("BTCUSDT"))
          .map(Position::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void leaderBuys(String quantity) throws Exception {
    java.util.Objects.requireNonNull(leader)
        .trading()
        .place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal(quantity)))
        .get(30, TimeUnit.SECONDS);
  }

  private static long copied(ServerFixture f, String bot, String token, String follower) {
    return ServerFixture.items(f.get("/api/bots/" + bot + "/history?follower=" + follower, token))
        .stream()
        .filter(m -> "COPIED".equals(m.get("status")))
        .count();
  }

  @Test
  void copiesALeaderFillToEveryFollowerAndSteersFollowersLive() throws Exception {
    VenueFixture v = venue("leader", "half", "fixed");
    leader = account("leader");
    ServerFixture f = serve(v, 5);
    ServerFixture.Users u = f.users();
    String lead = f.key(u.alice(), "leader", VenueFixture.secret("leader"));
    String half = f.key(u.alice(), "half", VenueFixture.secret("half"));
    String fixed = f.key(u.alice(), "fixed", VenueFixture.secret("fixed"));
    String bot =
        f.create(
            ServerFixture.copierBot(
                lead,
                half,
                ServerFixture.RATIO_HALF,
                fixed,
                "{\"mode\":\"fixed\",\"quantity\":\"0.003\"}"),
            u.alice());
    BlockingQueue<EventStream.Frame> events = EventStream.open(f, u.alice(), null, streams);
    HttpResponse<String> started = f.post("/api/bots/" + bot + "/start", "", u.alice());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    leaderBuys("0.010");
    VenueFixture.await(
        () -> copied(f, bot, u.alice(), half) == 1 && copied(f, bot, u.alice(), fixed) == 1,
        "both followers copied the leader's fill");
    assertThat(position("half")).isEqualByComparingTo("0.005");
    assertThat(position("fixed")).isEqualByComparingTo("0.003");
    assertThat(EventStream.next(events, "bot.copy.copied").data()).contains(bot);
    assertThat(f.get("/api/bots/" + bot + "/history", u.bob()).statusCode()).isEqualTo(404);

    List<Map<String, Object>> positions =
        ServerFixture.items(f.get("/api/bots/" + bot + "/positions", u.alice()));
    assertThat(positions).extracting(m -> m.get("account")).contains("leader", half, fixed);
    VenueFixture.await(
        () ->
            String.valueOf(ServerFixture.json(f.get("/api/bots/" + bot + "/pnl", u.alice())))
                .contains("USDT"),
        "the followers' commissions show in the PnL, per quote currency");

    // pause one follower live: the next fill is copied by the other only
    HttpResponse<String> paused =
        f.post("/api/bots/" + bot + "/followers/" + fixed + "/pause", "", u.alice());
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    List<Map<String, Object>> followers =
        ServerFixture.items(f.get("/api/bots/" + bot + "/followers", u.alice()));
    assertThat(followers)
        .filteredOn(m -> fixed.equals(m.get("keyId")))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("paused")).isEqualTo(true);
              assertThat(String.valueOf(m.get("stats"))).contains("active=false");
            });
    leaderBuys("0.010");
    VenueFixture.await(() -> copied(f, bot, u.alice(), half) == 2, "the active follower copied");
    assertThat(copied(f, bot, u.alice(), fixed)).isEqualTo(1);
    assertThat(position("fixed")).isEqualByComparingTo("0.003");

    // remove it: the definition and the running copier no longer have it
    HttpResponse<String> removed =
        f.send("DELETE", "/api/bots/" + bot + "/followers/" + fixed, null, u.alice());
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(removed.body()).doesNotContain(fixed);
    assertThat(String.valueOf(ServerFixture.json(f.get("/api/bots/" + bot + "/status", u.alice()))))
        .doesNotContain(fixed);

    HttpResponse<String> halted =
        f.post("/api/bots/" + bot + "/emergency-stop", "{\"flatten\":true}", u.alice());
    assertThat(halted.statusCode()).as(halted.body()).isEqualTo(200);
    assertThat(ServerFixture.json(halted).get("state")).isEqualTo("stopped");
    VenueFixture.await(
        () -> position("half").signum() == 0, "flatten closed the follower's copied position");
    assertThat(
            ServerFixture.items(f.get("/api/audit", u.alice())).stream()
                .map(m -> String.valueOf(m.get("action")))
                .toList())
        .contains("bot.follower.pause", "bot.follower.remove", "bot.emergency-stop");
    for (String account : List.of("leader", "half", "fixed")) {
      assertThat(ServerFixture.SEEN.toString()).doesNotContain(VenueFixture.secret(account));
      assertThat(ServerFixture.capturedStderr()).doesNotContain(VenueFixture.secret(account));
    }
  }
}
