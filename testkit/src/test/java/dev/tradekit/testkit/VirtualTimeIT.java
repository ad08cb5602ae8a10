package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams on the virtual-time scheduler: depth ids, SUBSCRIBE, listenKey expiry, drops. */
class VirtualTimeIT {
  static final long T0 = 1_704_067_200_000L;
  static final Pattern IDS = Pattern.compile("\"U\":(\\d+),\"u\":(\\d+),\"pu\":(\\d+)");
  FakeBinance fake;
  WireClient client;

  @BeforeEach
  void start() {
    fake =
        FakeBinance.builder()
            .scheduler(new VirtualScheduler(T0))
            .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("1000")))
            .start();
    client = new WireClient(fake.restBaseUrl(), "key-1", "secret-1");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void depthDiffsChainFromTheSnapshotsLastUpdateId() throws Exception {
    WsClient ws = new WsClient(fake.wsBaseUrl() + "/public/stream?streams=btcusdt@depth@100ms");
    fake.runUntil(T0 + 500);
    String snapshot = client.send("GET", "/fapi/v1/depth", "symbol=BTCUSDT&limit=5").body();
    long last = Long.parseLong(snapshot.replaceAll("^\\{\"lastUpdateId\":(\\d+).*", "$1"));
    int before = ws.frames.size();
    fake.runUntil(T0 + 3000);
    assertThat(ws.awaitFrames(before + 5, 20_000)).isTrue();
    Thread.sleep(200);
    List<long[]> after = new ArrayList<>();
    for (String f : ws.frames) {
      assertThat(f)
          .startsWith("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\"");
      Matcher m = IDS.matcher(f);
      assertThat(m.find()).isTrue();
      long[] ids = {
        Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))
      };
      if (ids[1] > last) {
        after.add(ids);
      }
    }
    assertThat(after).isNotEmpty();
    assertThat(after.get(0)[0]).isLessThanOrEqualTo(last + 1);
    assertThat(after.get(0)[2]).isLessThanOrEqualTo(last);
    for (int i = 1; i < after.size(); i++) {
      assertThat(after.get(i)[2]).isEqualTo(after.get(i - 1)[1]);
    }
  }

  @Test
  void subscribeAddsAStreamOnAnOpenConnection() throws Exception {
    WsClient ws = new WsClient(fake.wsBaseUrl() + "/market/stream");
    ws.socket.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":7}");
    assertThat(ws.awaitFrames(1, 20_000)).isTrue();
    assertThat(ws.frames.get(0)).isEqualTo("{\"result\":null,\"id\":7}");
    fake.runUntil(T0 + 5000);
    assertThat(ws.awaitFrames(2, 20_000)).isTrue();
    assertThat(ws.frames.get(1))
        .startsWith("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\"");
    assertThat(ws.frames.get(1)).containsPattern("\"p\":\"\\d+(\\.\\d)?\"");
  }

  @Test
  void listenKeyExpiresAfter60MinutesWithoutKeepAlive() throws Exception {
    String body = client.send("POST", "/fapi/v1/listenKey", "").body();
    String key = body.replaceAll(".*\"listenKey\":\"([A-Za-z0-9]+)\".*", "$1");
    WsClient ws = new WsClient(fake.wsBaseUrl() + "/private/ws?listenKey=" + key);
    fake.advance(Duration.ofMinutes(59));
    assertThat(ws.frames).isEmpty();
    fake.advance(Duration.ofMinutes(2));
    assertThat(ws.awaitFrames(1, 20_000)).isTrue();
    assertThat(ws.frames.get(0))
        .startsWith("{\"e\":\"listenKeyExpired\"")
        .contains("\"listenKey\":\"" + key + "\"");
    assertThat(ws.closed.get(30, TimeUnit.SECONDS)).startsWith("close 1000");
    assertThat(client.send("PUT", "/fapi/v1/listenKey", "").body()).contains("-1125");
  }

  @Test
  void keepAliveExtendsTheListenKey() throws Exception {
    client.send("POST", "/fapi/v1/listenKey", "");
    fake.advance(Duration.ofMinutes(50));
    assertThat(client.send("PUT", "/fapi/v1/listenKey", "").statusCode()).isEqualTo(200);
    fake.advance(Duration.ofMinutes(50));
    assertThat(client.send("PUT", "/fapi/v1/listenKey", "").statusCode()).isEqualTo(200);
  }

  @Test
  void droppedAndFrozenSockets() throws Exception {
    WsClient frozen = new WsClient(fake.wsBaseUrl() + "/stream?streams=btcusdt@trade");
    fake.faults().freezeWebSockets(true);
    fake.runUntil(T0 + 3000);
    Thread.sleep(200);
    assertThat(frozen.frames).isEmpty();
    assertThat(frozen.closed).isNotDone();
    fake.faults().freezeWebSockets(false);
    fake.runUntil(T0 + 6000);
    assertThat(frozen.awaitFrames(1, 20_000)).isTrue();
    fake.faults().dropWebSockets();
    assertThat(frozen.closed.get(30, TimeUnit.SECONDS)).isNotEmpty();
  }

  @Test
  void signedRequestsUseVirtualServerTime() throws Exception {
    assertThat(client.send("GET", "/fapi/v1/time", "").body())
        .isEqualTo("{\"serverTime\":" + T0 + "}");
    assertThat(client.signed("GET", "/fapi/v2/account", "", T0).statusCode()).isEqualTo(200);
    assertThat(Map.of("k", fake.serverTime())).containsEntry("k", T0);
  }
}
