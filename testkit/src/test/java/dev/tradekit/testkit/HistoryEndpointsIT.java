package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history, ticker, kline, income and countdown endpoints, through the real adapter. */
class HistoryEndpointsIT {
  static FakeBinance fake;
  static Exchange ex;

  @BeforeAll
  static void start() throws Exception {
    fake =
        FakeBinance.builder()
            .account("key-h", "secret-h", AccountSetup.usdt(new BigDecimal("10000")))
            .speed(600)
            .start();
    AdapterAgainstFakeIT.fake = fake;
    ex = fake.adapter("key-h").build();
    Thread.sleep(500);
  }

  @AfterAll
  static void stop() {
    ex.close();
    fake.close();
  }

  static <T> T join(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return AdapterAgainstFakeIT.join(f);
  }

  @Test
  void userTradesAndIncomeMatchTheVenueFills() throws Exception {
    long t0 = fake.serverTime() - 1;
    Order buy =
        join(ex.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.004"))));
    Order sell =
        join(
            ex.trading().place(OrderRequest.market("BTCUSDT", Side.SELL, new BigDecimal("0.004"))));
    List<Fill> venueFills = fake.onVenueThread(() -> fake.venue().fills("key-h"));

    List<Fill> trades =
        join(
            ex.trading()
                .userTrades(UserTradesQuery.builder().symbol("BTCUSDT").startTime(t0).build()));
    assertThat(trades)
        .extracting(Fill::tradeId)
        .containsExactlyElementsOf(venueFills.stream().map(Fill::tradeId).toList());
    assertThat(trades).extracting(Fill::orderId).contains(buy.orderId(), sell.orderId());
    assertThat(trades.get(0).price()).isEqualByComparingTo(venueFills.get(0).price());
    assertThat(trades.get(0).commission()).isEqualByComparingTo(venueFills.get(0).commission());

    long secondId = Long.parseLong(venueFills.get(venueFills.size() - 1).tradeId());
    List<Fill> fromId =
        join(
            ex.trading()
                .userTrades(UserTradesQuery.builder().symbol("BTCUSDT").fromId(secondId).build()));
    assertThat(fromId).extracting(Fill::orderId).containsOnly(sell.orderId());

    List<Income> income = join(ex.account().income("BTCUSDT", t0, fake.serverTime() + 1));
    assertThat(income).extracting(Income::type).contains("COMMISSION", "REALIZED_PNL");
    BigDecimal commissions =
        income.stream()
            .filter(i -> i.type().equals("COMMISSION"))
            .map(Income::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal fillCommissions =
        venueFills.stream().map(Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(commissions.abs()).isEqualByComparingTo(fillCommissions.abs());
  }

  @Test
  void tickersAndKlinesComeFromTheSimulatedMarket() throws Exception {
    List<Ticker24h> all = join(ex.marketData().tickers24h());
    assertThat(all).extracting(Ticker24h::symbol).containsExactly("BTCUSDT");
    Ticker24h one = join(ex.marketData().ticker24h("BTCUSDT"));
    assertThat(one.lastPrice()).isPositive();
    assertThat(one.highPrice()).isGreaterThanOrEqualTo(one.lowPrice());
    Ticker24h direct = join(fake.venue().account("key-h").marketData().ticker24h("BTCUSDT"));
    assertThat(one.openPrice()).isEqualByComparingTo(direct.openPrice());

    // one end time for both: a minute boundary between the two calls would add a bar to one
    KlineQuery query =
        KlineQuery.builder()
            .symbol("BTCUSDT")
            .interval(KlineInterval.M1)
            .endTime(fake.serverTime())
            .build();
    List<Kline> bars = join(ex.marketData().klines(query));
    List<Kline> venueBars = join(fake.venue().account("key-h").marketData().klines(query));
    assertThat(bars).isNotEmpty();
    assertThat(bars)
        .extracting(Kline::openTime)
        .containsExactlyElementsOf(venueBars.stream().map(Kline::openTime).toList());
    assertThat(bars.get(0).close()).isEqualByComparingTo(venueBars.get(0).close());
    assertThat(bars.get(0).volume()).isEqualByComparingTo(venueBars.get(0).volume());
  }

  @Test
  void countdownCancelAllCancelsRestingOrdersWhenItRunsOut() throws Exception {
    Order resting =
        join(
            ex.trading()
                .place(
                    OrderRequest.limit(
                        "BTCUSDT", Side.BUY, new BigDecimal("0.002"), new BigDecimal("1000.0"))));
    assertThat(join(ex.trading().openOrders("BTCUSDT")))
        .extracting(Order::orderId)
        .contains(resting.orderId());
    ex.deadManSwitch().orElseThrow().arm("BTCUSDT", Duration.ofMillis(1500)).get();
    AdapterAgainstFakeIT.awaitTrue(
        () -> fake.venue().account("key-h").trading().openOrders("BTCUSDT").join().isEmpty(),
        20_000);
    assertThat(join(ex.trading().openOrders("BTCUSDT"))).isEmpty();
  }

  @Test
  void disarmedCountdownLeavesOrdersAndAllOrdersListsHistory() throws Exception {
    Order resting =
        join(
            ex.trading()
                .place(
                    OrderRequest.limit(
                        "BTCUSDT", Side.BUY, new BigDecimal("0.002"), new BigDecimal("1001.0"))));
    long armed = System.nanoTime();
    ex.deadManSwitch().orElseThrow().arm("BTCUSDT", Duration.ofSeconds(5)).get();
    ex.deadManSwitch().orElseThrow().disarm("BTCUSDT").get();
    long disarmedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - armed);
    Assumptions.assumeTrue(
        disarmedAfter < 4_000,
        "the machine stalled " + disarmedAfter + " ms between arm and disarm");
    // past the 5 s countdown that was disarmed
    Thread.sleep(Math.max(0, 6_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - armed)));
    assertThat(join(ex.trading().openOrders("BTCUSDT")))
        .extracting(Order::orderId)
        .contains(resting.orderId());
    join(ex.trading().cancelAll("BTCUSDT"));

    WireClient wire = new WireClient(fake.restBaseUrl(), "key-h", "secret-h");
    java.net.http.HttpResponse<String> all =
        wire.signed("GET", "/fapi/v1/allOrders", "symbol=BTCUSDT&limit=1000", fake.serverTime());
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains("\"orderId\":" + resting.orderId())
        .contains("\"status\":\"CANCELED\"");
    java.net.http.HttpResponse<String> after =
        wire.signed(
            "GET",
            "/fapi/v1/allOrders",
            "symbol=BTCUSDT&orderId=" + (Long.parseLong(resting.orderId()) + 1),
            fake.serverTime());
    assertThat(after.body()).doesNotContain("\"orderId\":" + resting.orderId());
    java.net.http.HttpResponse<String> limits =
        wire.signed("GET", "/fapi/v1/rateLimit/order", "", fake.serverTime());
    assertThat(limits.body()).contains("\"intervalNum\":10,\"limit\":300");
  }
}
