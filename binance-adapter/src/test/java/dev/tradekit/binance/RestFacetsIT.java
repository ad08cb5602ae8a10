package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.MarginModes;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging, safe read retries, benign venue codes and the circuit breaker over MockWebServer. */
class RestFacetsIT {
  private FakeBinance fake;
  private BinanceExchange exchange;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeBinance(2400);
    exchange =
        TestExchanges.start(fake, BinanceConfig.builder().orderResolveDelay(Duration.ZERO).build());
  }

  @AfterEach
  void stop() throws Exception {
    exchange.close();
    fake.close();
  }

  private static String trades(long firstId, int count) {
    List<String> out = new ArrayList<>();
    for (long id = firstId; id < firstId + count; id++) {
      out.add(
          "{\"symbol\":\"BTCUSDT\",\"id\":"
              + id
              + ",\"orderId\":7,\"side\":\"BUY\",\"price\":\"60000\",\"qty\":\"0.001\","
              + "\"realizedPnl\":\"0\",\"marginAsset\":\"USDT\",\"commission\":\"0.01\","
              + "\"commissionAsset\":\"USDT\",\"time\":"
              + (1_700_000_000_000L + id)
              + ",\"positionSide\":\"BOTH\",\"maker\":true,\"buyer\":true}");
    }
    return "[" + String.join(",", out) + "]";
  }

  @Test
  void userTradesSinceAGapArePagedByTradeIdUntilAShortPage() throws Exception {
    fake.script("GET", "/fapi/v1/userTrades", s -> FakeBinance.json(trades(1, 1000)));
    fake.script("GET", "/fapi/v1/userTrades", s -> FakeBinance.json(trades(1001, 3)));
    StreamRestCalls rest = ((TestExchanges.RecordingStreams) exchange.streams()).context.rest();
    List<Fill> fills =
        rest.userTradesSince("BTCUSDT", 1_700_000_000_000L).get(30, TimeUnit.SECONDS);
    assertThat(fills).hasSize(1003);
    assertThat(fills.get(1002).tradeId()).isEqualTo("1003");
    List<FakeBinance.Seen> calls = fake.requests("GET", "/fapi/v1/userTrades");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).param("startTime")).isEqualTo("1700000000000");
    assertThat(calls.get(0).params()).doesNotContainKey("fromId");
    assertThat(calls.get(1).param("fromId")).isEqualTo("1001");
    assertThat(calls.get(1).params()).doesNotContainKey("startTime");
  }

  @Test
  void ordersSinceAGapComeFromAllOrders() throws Exception {
    fake.script(
        "GET",
        "/fapi/v1/allOrders",
        s ->
            FakeBinance.json(
                "[{\"orderId\":5,\"symbol\":\"BTCUSDT\",\"status\":\"FILLED\","
                    + "\"clientOrderId\":\"tk-1\",\"price\":\"60000\",\"avgPrice\":\"60000\","
                    + "\"origQty\":\"0.001\",\"executedQty\":\"0.001\",\"timeInForce\":\"GTC\","
                    + "\"type\":\"LIMIT\",\"side\":\"BUY\",\"positionSide\":\"BOTH\","
                    + "\"time\":1,\"updateTime\":2}]"));
    StreamRestCalls rest = ((TestExchanges.RecordingStreams) exchange.streams()).context.rest();
    List<Order> orders = rest.ordersSince("BTCUSDT", 1_000L).get(30, TimeUnit.SECONDS);
    assertThat(orders).extracting(Order::clientOrderId).containsExactly("tk-1");
    assertThat(fake.requests("GET", "/fapi/v1/allOrders").get(0).param("startTime"))
        .isEqualTo("1000");
  }

  @Test
  void readsAreRetriedAfterAVenueFailureButOrdersAreNot() throws Exception {
    for (int i = 0; i < 2; i++) {
      fake.script(
          "GET",
          "/fapi/v1/depth",
          s -> new MockResponse().setResponseCode(503).setBody("Service Unavailable."));
    }
    assertThat(exchange.marketData().orderBook("BTCUSDT", 5).get(30, TimeUnit.SECONDS).bids())
        .hasSize(1);
    assertThat(fake.requests("GET", "/fapi/v1/depth")).hasSize(3);

    fake.script(
        "POST",
        "/fapi/v1/order",
        s -> new MockResponse().setResponseCode(503).setBody("Service Unavailable."));
    Throwable t =
        TestExchanges.failure(
            exchange
                .trading()
                .place(
                    OrderRequest.limit(
                        "BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("60000"))));
    assertThat(t).isInstanceOf(TransportException.class);
    assertThat(fake.requests("POST", "/fapi/v1/order")).hasSize(1);
  }

  @Test
  void repeatedOrderTransportFailuresOpenTheCircuitBreaker() throws Exception {
    OrderRequest buy =
        OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("60000"));
    for (int i = 0; i < 10; i++) {
      fake.script(
          "POST",
          "/fapi/v1/order",
          s -> new MockResponse().setResponseCode(503).setBody("Service Unavailable."));
      assertThat(TestExchanges.failure(exchange.trading().place(buy)))
          .isInstanceOf(TransportException.class);
    }
    Throwable open = TestExchanges.failure(exchange.trading().place(buy));
    assertThat(open).isInstanceOf(TransportException.class).hasMessageContaining("circuit breaker");
    assertThat(fake.requests("POST", "/fapi/v1/order")).hasSize(10);
    // Reads are not behind the breaker.
    assertThat(exchange.marketData().serverTime().get(30, TimeUnit.SECONDS)).isPositive();
  }

  @Test
  void settingTheModeItAlreadyHasIsNotAnError() throws Exception {
    fake.script(
        "POST",
        "/fapi/v1/positionSide/dual",
        s -> FakeBinance.error(400, -4059, "No need to change position side."));
    exchange.trading().setPositionMode(PositionMode.HEDGE).get(30, TimeUnit.SECONDS);
    assertThat(fake.requests("POST", "/fapi/v1/positionSide/dual").get(0).param("dualSidePosition"))
        .isEqualTo("true");
  }

  @Test
  void theDeadManSwitchArmsAndDisarmsWithCountdownTimes() throws Exception {
    for (int i = 0; i < 2; i++) {
      fake.script(
          "POST",
          "/fapi/v1/countdownCancelAll",
          s -> FakeBinance.json("{\"symbol\":\"BTCUSDT\",\"countdownTime\":\"120000\"}"));
    }
    exchange
        .deadManSwitch()
        .orElseThrow()
        .arm("BTCUSDT", Duration.ofMinutes(2))
        .get(30, TimeUnit.SECONDS);
    exchange.deadManSwitch().orElseThrow().disarm("BTCUSDT").get(30, TimeUnit.SECONDS);
    assertThat(fake.requests("POST", "/fapi/v1/countdownCancelAll"))
        .extracting(s -> s.param("countdownTime"))
        .containsExactly("120000", "0");
  }

  @Test
  void marginTypeIsPostedAsIsolatedOrCrossedAndAlreadySetIsSuccess() throws Exception {
    fake.script("POST", "/fapi/v1/marginType", s -> FakeBinance.json("{\"code\":200}"));
    fake.script(
        "POST",
        "/fapi/v1/marginType",
        s -> FakeBinance.error(400, -4046, "No need to change margin type."));
    fake.script(
        "POST",
        "/fapi/v1/marginType",
        s ->
            FakeBinance.error(
                400, -4048, "Margin type cannot be changed if there exists position."));
    MarginModes modes = exchange.marginModes().orElseThrow();
    modes.setMarginType("BTCUSDT", MarginType.ISOLATED).get(30, TimeUnit.SECONDS);
    modes.setMarginType("BTCUSDT", MarginType.CROSS).get(30, TimeUnit.SECONDS);
    assertThatThrownBy(
            () -> modes.setMarginType("BTCUSDT", MarginType.CROSS).get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ExchangeException.class)
        .hasMessageContaining("-4048");
    assertThat(fake.requests("POST", "/fapi/v1/marginType"))
        .extracting(s -> s.param("symbol") + " " + s.param("marginType"))
        .containsExactly("BTCUSDT ISOLATED", "BTCUSDT CROSSED", "BTCUSDT CROSSED");
  }
}
