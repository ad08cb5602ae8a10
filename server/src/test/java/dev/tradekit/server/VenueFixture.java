package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A local FakeBinance with a calm synthetic BTCUSDT market and funded accounts, and control planes
 * whose bots reach it through the real Binance adapter.
 */
final class VenueFixture implements AutoCloseable {
  /** Generous: CI runs on a loaded 2-core machine; a passing await returns at once. */
  static final long AWAIT_MS = 30_000;

  final FakeBinance fake;

  VenueFixture(String... accounts) {
    this(Map.of(), accounts);
  }

  /** Accounts with 100,000 USDT each, but those in {@code balances} (USDT) instead. */
  VenueFixture(Map<String, String> balances, String... accounts) {
    FakeBinance.Builder b =
        FakeBinance.builder()
            .source(
                new SyntheticMarket(
                    SyntheticMarket.Config.builder()
                        .startTimeMillis(System.currentTimeMillis())
                        .duration(Duration.ofHours(1))
                        .meanTouchQuantity(0.05)
                        .dailyVolatility(0.002)
                        .seed(11)
                        .build()));
    for (String a : accounts) {
      b.account(
          a,
          "secret-of-" + a,
          AccountSetup.usdt(new BigDecimal(balances.getOrDefault(a, "100000"))));
    }
    fake = b.start();
    await(this::bookIsLive, "the venue has a two-sided book");
  }

  /**
   * A calm market around 1000 (at 60,000 the synthetic price walks through a wall in seconds) with
   * a scanner account {@code key-scan} (1,000 USDT) and a rich {@code key-wall} account that places
   * walls ({@link #placeWall}); returns once the book is full.
   */
  static FakeBinance wallMarket() {
    FakeBinance fake =
        FakeBinance.builder()
            .source(
                new SyntheticMarket(
                    SyntheticMarket.Config.builder()
                        .symbol("BTCUSDT")
                        .tickSize("0.1")
                        .lotSize("0.001")
                        .initialMid("1000")
                        .dailyVolatility(0.002)
                        .tradeRatePerSecond(1)
                        .updateRatePerSecond(4)
                        .startTimeMillis(System.currentTimeMillis())
                        .duration(Duration.ofMinutes(30))
                        .seed(5)
                        .build()))
            .account("key-scan", "secret-of-key-scan", AccountSetup.usdt(new BigDecimal("1000")))
            .account(
                "key-wall", "secret-of-key-wall", AccountSetup.usdt(new BigDecimal("10000000")))
            .start();
    await(
        () ->
            fake.onVenueThread(
                () ->
                    fake.venue().publicBook("BTCUSDT").depth(Side.BUY) >= 20
                        && fake.venue().publicBook("BTCUSDT").depth(Side.SELL) >= 20),
        "the venue has a full book");
    return fake;
  }

  /**
   * Places a 1,000 BTC limit order 12 ticks behind the touch on {@code side} (inside the scanner's
   * 20 levels, out of the traders' way); returns its price.
   */
  static BigDecimal placeWall(Exchange account, Side side) throws Exception {
    OrderBookSnapshot book = account.marketData().orderBook("BTCUSDT", 5).get(30, TimeUnit.SECONDS);
    BigDecimal price =
        side == Side.BUY
            ? book.bestBid().orElseThrow().price().subtract(new BigDecimal("1.2"))
            : book.bestAsk().orElseThrow().price().add(new BigDecimal("1.2"));
    account
        .trading()
        .place(OrderRequest.limit("BTCUSDT", side, new BigDecimal("1000"), price))
        .get(30, TimeUnit.SECONDS);
    return price;
  }

  /**
   * A scanner bot named {@code walls} on BTCUSDT for {@link #wallMarket()}: walls from 20,000 USD,
   * promoted to the hot pool after 1 s.
   */
  static String wallScannerBot(String keyId) {
    return "{\"name\":\"walls\",\"kind\":\"scanner\",\"provider\":\"binance-usdm\",\"keyId\":\""
        + keyId
        + "\",\"config\":{\"symbols\":[\"BTCUSDT\"],\"minNotional\":\"20000\","
        + "\"promotionSeconds\":1}}";
  }

  /** The secret FakeBinance gave an account (what a user stores in the vault). */
  static String secret(String account) {
    return "secret-of-" + account;
  }

  /** A control plane on loopback whose bots open their accounts at this venue. */
  ControlPlane.Builder plane(Path dir, MasterKey key) {
    return ServerFixture.builder(dir, key)
        .exchanges((provider, credentials) -> fake.adapter(credentials.apiKey()).build());
  }

  boolean bookIsLive() {
    return fake.onVenueThread(
        () ->
            fake.venue().book("BTCUSDT").depth(Side.BUY) > 0
                && fake.venue().book("BTCUSDT").depth(Side.SELL) > 0);
  }

  List<Order> openOrders(String account) {
    try {
      return fake.venue()
          .account(account)
          .trading()
          .openOrders("BTCUSDT")
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("open orders of " + account + ": " + e, e);
    }
  }

  static void await(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + AWAIT_MS * 1_000_000L;
    while (System.nanoTime() < end) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(condition.getAsBoolean()).as(what + " within " + AWAIT_MS + " ms").isTrue();
  }

  @Override
  public void close() {
    fake.close();
  }
}
