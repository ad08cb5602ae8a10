package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault and each authentication or limit rule, as a client observes it on the wire. */
class FaultsIT {
  FakeBinance fake;
  WireClient client;

  @BeforeEach
  void start() {
    fake = limited().start();
    client = new WireClient(fake.restBaseUrl(), "key-1", "secret-1");
  }

  private static FakeBinance.Builder limited() {
    return FakeBinance.builder()
        .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("10000")))
        .rateLimits(new RateLimits(30, 5, 10, 2, Duration.ofMinutes(2)));
  }

  /**
   * Counting tests run on a virtual clock that stands still: the limits count in windows aligned to
   * the clock, and a real clock crossing a boundary mid-test would reset the counts.
   */
  private void onAStoppedClock() {
    fake.close();
    fake = limited().scheduler(new VirtualScheduler(1_704_067_200_000L)).start();
    client = new WireClient(fake.restBaseUrl(), "key-1", "secret-1");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static final String ORDER =
      "symbol=BTCUSDT&side=BUY&positionSide=BOTH&type=LIMIT&timeInForce=GTC&quantity=0.001"
          + "&price=40000.0&newClientOrderId=c-1";

  @Test
  void unknownApiKeyIs401Minus2015() throws Exception {
    HttpResponse<String> r =
        new WireClient(fake.restBaseUrl(), "nobody", "x")
            .signed("GET", "/fapi/v2/account", "", fake.serverTime());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"code\":-2015");
  }

  @Test
  void signatureOverAnotherParameterOrderIsMinus1022() throws Exception {
    long ts = fake.serverTime();
    String sent = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timestamp=" + ts;
    String reordered = "side=BUY&symbol=BTCUSDT&type=MARKET&quantity=0.001&timestamp=" + ts;
    HttpResponse<String> r =
        client.send(
            "POST", "/fapi/v1/order", sent + "&signature=" + Auth.sign("secret-1", reordered));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
  }

  @Test
  void signatureOverDecodedValuesIsMinus1022() throws Exception {
    long ts = fake.serverTime();
    String sent = "symbol=BTCUSDT&newClientOrderId=a%2Fb&timestamp=" + ts;
    String decoded = "symbol=BTCUSDT&newClientOrderId=a/b&timestamp=" + ts;
    HttpResponse<String> r =
        client.send(
            "GET", "/fapi/v1/openOrders", sent + "&signature=" + Auth.sign("secret-1", decoded));
    assertThat(r.body()).contains("\"code\":-1022");
    HttpResponse<String> ok =
        client.send(
            "GET", "/fapi/v1/openOrders", sent + "&signature=" + Auth.sign("secret-1", sent));
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void timestampAheadOrOutsideRecvWindowIsMinus1021() throws Exception {
    client.send("GET", "/fapi/v1/time", ""); // warm up the connection
    HttpResponse<String> ahead =
        client.signed("GET", "/fapi/v2/account", "", fake.serverTime() + 5000);
    assertThat(ahead.statusCode()).isEqualTo(400);
    assertThat(ahead.body()).contains("\"code\":-1021");
    HttpResponse<String> old =
        client.signed("GET", "/fapi/v2/account", "recvWindow=5000", fake.serverTime() - 6000);
    assertThat(old.body()).contains("\"code\":-1021");
  }

  @Test
  void clockSkewMovesServerTimeAndTheTimestampCheck() throws Exception {
    long local = System.currentTimeMillis();
    fake.faults().clockSkew(Duration.ofSeconds(10));
    HttpResponse<String> t = client.send("GET", "/fapi/v1/time", "");
    long server = Long.parseLong(t.body().replaceAll("\\D", ""));
    assertThat(server - local).isBetween(9_000L, 15_000L); // plus the request time
    assertThat(client.signed("GET", "/fapi/v2/account", "", local).body()).contains("-1021");
  }

  @Test
  void weightOverTheLimitIs429WithRetryAfterThenA418Ban() throws Exception {
    onAStoppedClock();
    HttpResponse<String> r = null;
    for (int i = 0; i < 30; i++) {
      r = client.send("GET", "/fapi/v1/time", "");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1M")).contains(Integer.toString(i + 1));
    }
    HttpResponse<String> limited = client.send("GET", "/fapi/v1/time", "");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("\"code\":-1003");
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    client.send("GET", "/fapi/v1/time", "");
    HttpResponse<String> banned = client.send("GET", "/fapi/v1/time", "");
    assertThat(banned.statusCode()).isEqualTo(418);
    assertThat(banned.body()).containsPattern("banned until \\d{13}");
  }

  @Test
  void orderCountHeadersAndOrderLimit() throws Exception {
    onAStoppedClock();
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> r =
          client.signed(
              "POST", "/fapi/v1/order", ORDER.replace("c-1", "c-" + i), fake.serverTime());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-10S")).contains(Integer.toString(i));
      assertThat(r.headers().firstValue("X-MBX-ORDER-COUNT-1M")).contains(Integer.toString(i));
    }
    HttpResponse<String> sixth =
        client.signed("POST", "/fapi/v1/order", ORDER.replace("c-1", "c-6"), fake.serverTime());
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.body()).contains("\"code\":-1015");
  }

  @Test
  void serverErrorFaultIsA5xxThatDoesNotReachTheVenue() throws Exception {
    fake.faults().serverErrors(1, 502);
    HttpResponse<String> r = client.signed("POST", "/fapi/v1/order", ORDER, fake.serverTime());
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(openOrders()).isEmpty();
    assertThat(client.signed("POST", "/fapi/v1/order", ORDER, fake.serverTime()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownErrorWhereTheOrderWasPlacedAndWhereItWasNot() throws Exception {
    fake.faults().unknownErrorOnNextOrders(1, true);
    HttpResponse<String> placed = client.signed("POST", "/fapi/v1/order", ORDER, fake.serverTime());
    assertThat(placed.statusCode()).isEqualTo(503);
    assertThat(placed.body()).contains(Faults.UNKNOWN_ERROR);
    assertThat(openOrders()).extracting(Order::clientOrderId).containsExactly("c-1");

    fake.faults().unknownErrorOnNextOrders(1, false);
    HttpResponse<String> lost =
        client.signed("POST", "/fapi/v1/order", ORDER.replace("c-1", "c-2"), fake.serverTime());
    assertThat(lost.statusCode()).isEqualTo(503);
    assertThat(openOrders()).extracting(Order::clientOrderId).containsExactly("c-1");
  }

  @Test
  void adapterResolvesAnUnknownStatusToTheOrderThatWasPlaced() throws Exception {
    try (Exchange ex = fake.adapter("key-1").build()) {
      fake.faults().unknownErrorOnNextOrders(1, true);
      OrderRequest req =
          OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.001"), new BigDecimal("40000"))
              .withClientOrderId("u-1");
      Order resolved = ex.trading().place(req).get(30, TimeUnit.SECONDS);
      assertThat(resolved.clientOrderId()).isEqualTo("u-1");
      assertThat(openOrders()).extracting(Order::clientOrderId).containsExactly("u-1");
      Optional<Order> found =
          ex.trading().order(OrderRef.byClientId("BTCUSDT", "u-1")).get(30, TimeUnit.SECONDS);
      assertThat(found).map(Order::orderId).contains(resolved.orderId());
    }
  }

  @Test
  void invalidatedListenKeyAnswersMinus1125OnKeepAlive() throws Exception {
    assertThat(client.send("POST", "/fapi/v1/listenKey", "").statusCode()).isEqualTo(200);
    assertThat(client.send("PUT", "/fapi/v1/listenKey", "").statusCode()).isEqualTo(200);
    fake.faults().invalidateListenKeys();
    HttpResponse<String> r = client.send("PUT", "/fapi/v1/listenKey", "");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":-1125");
  }

  @Test
  void addedLatencyDelaysTheReply() throws Exception {
    fake.faults().latency(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    client.send("GET", "/fapi/v1/time", "");
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void delayedUserEventsArriveLateAndInOrder() throws Exception {
    String body = client.send("POST", "/fapi/v1/listenKey", "").body();
    String key = body.replaceAll(".*\"listenKey\":\"([A-Za-z0-9]+)\".*", "$1");
    WsClient ws = new WsClient(fake.wsBaseUrl() + "/ws/" + key);
    fake.faults().delayUserEvents(Duration.ofMillis(500));
    long before = System.nanoTime(); // the events are made after this, and held 500 ms
    assertThat(client.signed("POST", "/fapi/v1/order", ORDER, fake.serverTime()).statusCode())
        .isEqualTo(200);
    assertThat(
            client
                .signed(
                    "DELETE",
                    "/fapi/v1/order",
                    "symbol=BTCUSDT&origClientOrderId=c-1",
                    fake.serverTime())
                .statusCode())
        .isEqualTo(200);
    assertThat(ws.awaitFrames(1, 20_000)).isTrue();
    long firstSeenMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
    assertThat(firstSeenMillis).isGreaterThanOrEqualTo(500);
    assertThat(ws.awaitFrames(2, 20_000)).isTrue();
    assertThat(ws.frames.get(0)).contains("\"e\":\"ORDER_TRADE_UPDATE\"").contains("\"X\":\"NEW\"");
    assertThat(ws.frames.get(1)).contains("\"X\":\"CANCELED\"");
  }

  /** The statuses of {@code n} requests to a fresh venue with random faults from {@code seed}. */
  private static List<Integer> randomStatuses(long seed, double serverError, int n)
      throws Exception {
    try (FakeBinance f =
        FakeBinance.builder()
            .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("10000")))
            .start()) {
      f.faults().randomize(seed, serverError, 0, 0);
      WireClient c = new WireClient(f.restBaseUrl(), "key-1", "secret-1");
      List<Integer> out = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(c.send("GET", "/fapi/v1/time", "").statusCode());
      }
      return out;
    }
  }

  @Test
  void randomFaultsRepeatWithTheirSeed() throws Exception {
    List<Integer> first = randomStatuses(7, 0.3, 60);
    assertThat(randomStatuses(7, 0.3, 60)).isEqualTo(first);
    assertThat(first).containsOnly(200, 503);
    long errors = first.stream().filter(c -> c == 503).count();
    assertThat(errors).as("about 30 %% of 60: %s", first).isBetween(6L, 32L);
    assertThat(randomStatuses(8, 0.3, 60)).isNotEqualTo(first);
  }

  @Test
  void randomUnknownErrorsPlaceOrNotAsDrawn() throws Exception {
    fake.close();
    fake =
        FakeBinance.builder()
            .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("10000")))
            .start();
    client = new WireClient(fake.restBaseUrl(), "key-1", "secret-1");
    fake.faults().randomize(3, 0, 0.4, 0.4);
    List<String> acknowledged = new java.util.ArrayList<>();
    int unknown = 0;
    for (int i = 0; i < 20; i++) {
      String cid = "r-" + i;
      HttpResponse<String> r =
          client.signed("POST", "/fapi/v1/order", ORDER.replace("c-1", cid), fake.serverTime());
      if (r.statusCode() == 200) {
        acknowledged.add(cid);
      } else {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains(Faults.UNKNOWN_ERROR);
        unknown++;
      }
    }
    List<String> resting = openOrders().stream().map(Order::clientOrderId).toList();
    // every acknowledged order rests; of the unknown ones some were placed and some were not
    assertThat(resting).containsAll(acknowledged);
    assertThat(unknown).isPositive();
    assertThat(resting.size() - acknowledged.size()).isPositive().isLessThan(unknown);
  }

  private List<Order> openOrders() throws Exception {
    return fake.venue().account("key-1").trading().openOrders("BTCUSDT").get(30, TimeUnit.SECONDS);
  }
}
