package dev.tradekit.scanner;

import static dev.tradekit.scanner.JsonTest.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBybit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scanner, unchanged, on {@code bybit-linear}: the real Bybit adapter against {@link FakeBybit}
 * with five synthetic symbols; a large resting order placed through the adapter is found by the
 * primary scan and published on the private feed.
 */
class ScannerBybitIT {
  private static final int SYMBOLS = 5;
  private static final String WALL_SYMBOL = "S03USDT";
  private static final long WAIT_MILLIS = 60_000;

  private FakeBybit fake;
  private Exchange wallAccount;
  private Exchange scannerVenue;
  private LiveScheduler clock;
  private @org.jspecify.annotations.Nullable Scanner scanner;
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    long start = System.currentTimeMillis();
    List<MarketDataSource> sources = new ArrayList<>();
    FakeBybit.Builder b =
        FakeBybit.builder()
            .account("key-wall", "secret-wall", AccountSetup.usdt(new BigDecimal("10000000")))
            .account("key-scan", "secret-scan", AccountSetup.usdt(new BigDecimal("1000")));
    for (int i = 0; i < SYMBOLS; i++) {
      String symbol = String.format("S%02dUSDT", i);
      b.instrument(ScannerTestkitIT.instrument(symbol));
      sources.add(
          MarketDataSources.synthetic(
              SyntheticMarket.Config.builder()
                  .symbol(symbol)
                  .tickSize("0.1")
                  .lotSize("0.001")
                  .initialMid(String.valueOf(1000 + i))
                  .dailyVolatility(0.002)
                  .tradeRatePerSecond(1)
                  .updateRatePerSecond(4)
                  .startTimeMillis(start)
                  .duration(Duration.ofMinutes(30))
                  .seed(700 + i)
                  .build()));
    }
    fake = b.source(MarketDataSources.merge(sources.toArray(new MarketDataSource[0]))).start();
    wallAccount = fake.adapter("key-wall").build();
    scannerVenue = fake.adapter("key-scan").build();
    clock = LiveScheduler.create("scanner-bybit");
  }

  @AfterEach
  void stop() {
    if (scanner != null) {
      scanner.close();
    }
    clock.close();
    scannerVenue.close();
    wallAccount.close();
    fake.close();
  }

  @Test
  void aLargeRestingOrderOnBybitIsFoundAndPublished() throws Exception {
    await(
        WALL_SYMBOL + " has a full book",
        () ->
            fake.onVenueThread(
                () ->
                    fake.venue().publicBook(WALL_SYMBOL).depth(Side.BUY) >= 20
                        && fake.venue().publicBook(WALL_SYMBOL).depth(Side.SELL) >= 20));
    OrderBookSnapshot book =
        wallAccount.marketData().orderBook(WALL_SYMBOL, 5).get(30, TimeUnit.SECONDS);
    BigDecimal price = book.bestBid().orElseThrow().price().subtract(new BigDecimal("1.2"));
    Order wall =
        wallAccount
            .trading()
            .place(OrderRequest.limit(WALL_SYMBOL, Side.BUY, new BigDecimal("1000"), price))
            .get(30, TimeUnit.SECONDS);
    assertThat(wall.status()).isEqualTo(OrderStatus.NEW);

    Scanner scanner =
        Scanner.builder()
            .exchange(scannerVenue)
            .scheduler(clock)
            .topSymbols(SYMBOLS)
            .depthLimit(20)
            .maxConcurrentRequests(2)
            .weightPerMinute(600)
            .minUsd(20_000)
            .promotionAge(Duration.ofMillis(500))
            .observerInterval(Duration.ofSeconds(1))
            .primaryScanInterval(Duration.ofMinutes(10))
            .privateTokens(java.util.Set.of("tok"))
            .build();
    this.scanner = scanner;
    scanner
        .feed()
        .subscribe(
            FeedTier.PRIVATE,
            "tok",
            json -> {
              received.add(obj(JsonTest.parse(json)));
              return true;
            });
    scanner.start();

    await("the first primary scan completes", () -> scanner.metrics().scansCompleted() >= 1);
    assertThat(scanner.metrics().rateLimitHits()).isZero();
    await(
        "the wall is published",
        () ->
            received.stream()
                .anyMatch(
                    r ->
                        WALL_SYMBOL.equals(r.get("symbol"))
                            && new BigDecimal(String.valueOf(r.get("price"))).compareTo(price)
                                == 0));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("within %d ms: %s", WAIT_MILLIS, what).isTrue();
      Thread.sleep(50);
    }
  }
}
