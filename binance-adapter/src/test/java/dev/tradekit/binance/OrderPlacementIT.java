package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order placement never duplicates: unknown outcomes are resolved by client order id. */
class OrderPlacementIT {
  private static final String UNKNOWN =
      "Unknown error, please check your request or try again later.";

  private FakeBinance fake;
  private BinanceExchange exchange;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeBinance(2400);
    exchange =
        TestExchanges.start(
            fake,
            BinanceConfig.builder()
                .orderResolveDelay(Duration.ofMillis(20))
                // long enough for a loaded machine; the NO_RESPONSE test waits it out once
                .requestTimeout(Duration.ofSeconds(3))
                .build());
  }

  @AfterEach
  void stop() throws Exception {
    exchange.close();
    fake.close();
  }

  private static OrderRequest buy(String cid) {
    return OrderRequest.limit(
            "BTCUSDT", Side.BUY, new BigDecimal("0.010"), new BigDecimal("60000.0"))
        .withClientOrderId(cid);
  }

  @Test
  void placesWithAGeneratedClientIdAndPlainDecimals() throws Exception {
    Order o =
        exchange
            .trading()
            .place(
                OrderRequest.limit(
                    "BTCUSDT", Side.SELL, new BigDecimal("1.0E+0"), new BigDecimal("60000.10")))
            .get(30, TimeUnit.SECONDS);
    FakeBinance.Seen post = fake.requests("POST", "/fapi/v1/order").get(0);
    assertThat(post.param("newClientOrderId")).startsWith("tk-").hasSizeLessThanOrEqualTo(36);
    assertThat(post.param("quantity")).isEqualTo("1");
    assertThat(post.param("price")).isEqualTo("60000.1");
    assertThat(post.param("timeInForce")).isEqualTo("GTC");
    assertThat(post.param("positionSide")).isEqualTo("BOTH");
    assertThat(post.params()).doesNotContainKey("reduceOnly");
    assertThat(o.clientOrderId()).isEqualTo(post.param("newClientOrderId"));
    assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    assertThat(o.price()).isEqualByComparingTo("60000.1");
  }

  @Test
  void hedgeModeSendsPositionSideAndPostOnlyAsGtxWithoutReduceOnly() throws Exception {
    OrderRequest r =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.SELL)
            .quantity(new BigDecimal("0.002"))
            .price(new BigDecimal("61000"))
            .timeInForce(dev.tradekit.api.model.TimeInForce.GTX)
            .positionSide(PositionSide.LONG)
            .clientOrderId("mm-1")
            .build();
    exchange.trading().place(r).get(30, TimeUnit.SECONDS);
    FakeBinance.Seen post = fake.requests("POST", "/fapi/v1/order").get(0);
    assertThat(post.param("positionSide")).isEqualTo("LONG");
    assertThat(post.param("timeInForce")).isEqualTo("GTX");
    assertThat(post.params()).doesNotContainKey("reduceOnly");
    assertThat(post.param("newClientOrderId")).isEqualTo("mm-1");
  }

  @Test
  void anOrderBreakingAFilterIsNeverSent() throws Exception {
    OrderRequest offTick =
        OrderRequest.limit(
            "BTCUSDT", Side.BUY, new BigDecimal("0.010"), new BigDecimal("60000.05"));
    Throwable t = TestExchanges.failure(exchange.trading().place(offTick));
    assertThat(t).isInstanceOf(InvalidOrderException.class).hasMessageContaining("tick");
    assertThat(fake.requests("POST", "/fapi/v1/order")).isEmpty();
  }

  @Test
  void unknownStatusThenFoundReturnsTheOrderWithExactlyOnePost() throws Exception {
    fake.script(
        "POST",
        "/fapi/v1/order",
        s -> {
          fake.placeOrder(s.params()); // it landed, but the gateway lost the reply
          return new MockResponse().setResponseCode(503).setBody(UNKNOWN);
        });
    Order o = exchange.trading().place(buy("cid-found")).get(30, TimeUnit.SECONDS);
    assertThat(o.clientOrderId()).isEqualTo("cid-found");
    assertThat(fake.requests("POST", "/fapi/v1/order")).hasSize(1);
    assertThat(fake.requests("GET", "/fapi/v1/order"))
        .extracting(s -> s.param("origClientOrderId"))
        .containsExactly("cid-found");
  }

  @Test
  void unknownStatusAndNotFoundPlacesAgainOnceWithTheSameClientId() throws Exception {
    fake.script(
        "POST",
        "/fapi/v1/order",
        s -> FakeBinance.error(400, -1007, "Timeout waiting for response from backend server."));
    Order o = exchange.trading().place(buy("cid-again")).get(30, TimeUnit.SECONDS);
    List<FakeBinance.Seen> posts = fake.requests("POST", "/fapi/v1/order");
    assertThat(posts).hasSize(2);
    assertThat(posts).extracting(s -> s.param("newClientOrderId")).containsOnly("cid-again");
    assertThat(fake.requests("GET", "/fapi/v1/order")).hasSize(1);
    assertThat(o.clientOrderId()).isEqualTo("cid-again");
  }

  @Test
  void timeoutAfterSendingIsResolvedByQueryingNotByResending() throws Exception {
    fake.script(
        "POST",
        "/fapi/v1/order",
        s -> {
          fake.placeOrder(s.params());
          return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        });
    Order o = exchange.trading().place(buy("cid-timeout")).get(30, TimeUnit.SECONDS);
    assertThat(o.clientOrderId()).isEqualTo("cid-timeout");
    assertThat(fake.requests("POST", "/fapi/v1/order")).hasSize(1);
  }

  @Test
  void duplicateOnTheRetryMeansTheFirstLandedLate() throws Exception {
    fake.script(
        "POST", "/fapi/v1/order", s -> new MockResponse().setResponseCode(503).setBody(UNKNOWN));
    fake.script(
        "POST",
        "/fapi/v1/order",
        s -> {
          fake.placeOrder(s.params()); // the first attempt landed in the meantime
          return FakeBinance.error(400, -4116, "ClientOrderId is duplicated.");
        });
    Order o = exchange.trading().place(buy("cid-late")).get(30, TimeUnit.SECONDS);
    assertThat(o.clientOrderId()).isEqualTo("cid-late");
    assertThat(fake.requests("POST", "/fapi/v1/order")).hasSize(2);
    assertThat(fake.requests("GET", "/fapi/v1/order")).hasSize(2);
  }

  @Test
  void neverPlacesAThirdTime() throws Exception {
    for (int i = 0; i < 2; i++) {
      fake.script(
          "POST", "/fapi/v1/order", s -> new MockResponse().setResponseCode(503).setBody(UNKNOWN));
    }
    Throwable t = TestExchanges.failure(exchange.trading().place(buy("cid-lost")));
    assertThat(t).isInstanceOf(UnknownOrderStatusException.class);
    assertThat(((UnknownOrderStatusException) t).clientOrderId()).isEqualTo("cid-lost");
    assertThat(fake.requests("POST", "/fapi/v1/order")).hasSize(2);
  }

  @Test
  void batchPlacementReportsEachOrderOnItsOwn() throws Exception {
    OrderRequest tooSmall =
        OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.001"), new BigDecimal("60000"));
    List<BatchResult<Order>> results =
        exchange
            .trading()
            .placeBatch(List.of(buy("b-1"), tooSmall, buy("b-3")))
            .get(30, TimeUnit.SECONDS);
    assertThat(results).hasSize(3);
    assertThat(results.get(0).value().clientOrderId()).isEqualTo("b-1");
    assertThat(results.get(1).error()).isInstanceOf(InvalidOrderException.class);
    assertThat(results.get(2).value().clientOrderId()).isEqualTo("b-3");
    List<FakeBinance.Seen> batches = fake.requests("POST", "/fapi/v1/batchOrders");
    assertThat(batches).hasSize(1);
    assertThat(FakeBinance.splitBatch(batches.get(0).param("batchOrders")))
        .extracting(m -> m.get("newClientOrderId"))
        .containsExactly("b-1", "b-3");
  }
}
