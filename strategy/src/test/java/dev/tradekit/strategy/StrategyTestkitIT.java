package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import dev.tradekit.testkit.FakeBinance;
import dev.tradekit.testkit.WsSocket;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bar strategy trading on FakeBinance through the real Binance adapter's kline stream, in virtual
 * time, with the socket dropped in the middle of a bar: no bar is lost or doubled, the venue's
 * position ends as the strategy wants it, and the same strategy in a {@code Backtest} on the same
 * market decides the same on every bar.
 */
class StrategyTestkitIT {
  static final long T0 = FakeVenue.T0;
  static final long MINUTE = 60_000L;
  static final BigDecimal SIZE = new BigDecimal("0.01");
  static final Duration MARKET = Duration.ofMinutes(30);

  FakeVenue venue;
  FakeBinance fake;
  Exchange ex;
  VenueClock clock;
  long now = T0;
  final List<TradingEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    venue = new FakeVenue(MARKET);
    fake = venue.fake;
    ex = venue.ex;
    clock = venue.clock;
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  /** Steps virtual time by a second until {@code done}, waiting up to 30 s of real time. */
  private void runUntil(long virtualLimit, BooleanSupplier done, Recording r)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(() -> "condition within 30 s at +" + (now - T0) + " ms; decisions " + r.decisions)
          .isLessThan(deadline);
      if (now < virtualLimit) {
        now = Math.min(virtualLimit, now + 1000);
        fake.runUntil(now);
      } else {
        Thread.sleep(5);
      }
    }
  }

  private void awaitKlineSocket(List<WsSocket> before) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (fake.marketSockets().stream()
        .noneMatch(w -> !before.contains(w) && w.streams().contains("btcusdt@kline_1m"))) {
      assertThat(System.nanoTime()).as("kline stream subscribed within 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static BooleanSupplier decided(Recording r, long openTime) {
    return () -> r.lastOpenTime() >= openTime;
  }

  @Test
  void tradesThroughADroppedSocketAndDecidesAsTheBacktestDoes() throws Exception {
    tradeLiveThenReplay(() -> Strategies.smaCross(2, 5));
  }

  @Test
  void aTa4jStrategyThroughTheBridgeTradesLiveAsInTheBacktest() throws Exception {
    tradeLiveThenReplay(
        () -> Ta4jBarStrategy.longOnly(series -> Ta4jRules.smaCross(series, 2, 5), 50));
  }

  private void tradeLiveThenReplay(Supplier<BarStrategy> strategy) throws Exception {
    Recording live = new Recording(strategy.get());
    StrategyEngine engine =
        StrategyEngine.builder()
            .name("live")
            .exchange(ex)
            .scheduler(clock)
            .symbol("BTCUSDT")
            .strategy(live)
            .sizing(Sizing.quantity(SIZE))
            .listener(e -> events.add(e))
            .build();
    engine.start().get(30, TimeUnit.SECONDS);
    awaitKlineSocket(List.of());
    runUntil(T0 + 6 * MINUTE + 30_000, decided(live, T0 + 5 * MINUTE), live);

    // mid-bar 6: the socket drops and nothing gets through while bars 6 and 7 close
    fake.faults().freezeWebSockets(true);
    List<WsSocket> dropped = List.copyOf(fake.marketSockets());
    fake.faults().dropWebSockets();
    now = T0 + 8 * MINUTE + 30_000;
    fake.runUntil(now);
    awaitKlineSocket(dropped);
    fake.faults().freezeWebSockets(false);
    runUntil(T0 + 21 * MINUTE, decided(live, T0 + 19 * MINUTE), live);
    engine.stop().get(30, TimeUnit.SECONDS);

    List<Long> opens = live.decisions.stream().map(Recording.Decision::openTime).toList();
    assertThat(opens.get(0)).isEqualTo(T0);
    for (int i = 1; i < opens.size(); i++) {
      assertThat(opens.get(i))
          .as("bar %d follows bar %d", i, i - 1)
          .isEqualTo(opens.get(i - 1) + MINUTE);
    }

    // the venue ends holding what the strategy wants, with one order per change of mind
    int finalWish = live.decisions.get(live.decisions.size() - 1).target();
    BigDecimal wanted = SIZE.multiply(BigDecimal.valueOf(finalWish));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (venuePosition().compareTo(wanted) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(venuePosition())
        .as(() -> "events " + events + "\ndecisions " + live.decisions)
        .isEqualByComparingTo(wanted);
    List<String> placed =
        events.stream()
            .filter(e -> e instanceof TradingEvent.OrderPlaced)
            .map(e -> String.valueOf(((TradingEvent.OrderPlaced) e).order().clientOrderId()))
            .toList();
    assertThat(placed).doesNotHaveDuplicates().isNotEmpty();
    assertThat((long) placed.size()).isLessThanOrEqualTo(countChanges(live));
    long wishChanges = countChanges(live);
    assertThat(wishChanges).as("the strategy changes its mind on this market").isGreaterThan(1);

    // the same strategy in a Backtest on the same market decides the same on every bar
    Recording replay = new Recording(strategy.get());
    Backtest.builder()
        .data(() -> MarketDataSources.synthetic(FakeVenue.market(MARKET)))
        .instrument(fake.venue().account("key-1").marketData().instrument("BTCUSDT").join())
        .end(Instant.ofEpochMilli(T0 + 21 * MINUTE))
        .bot(
            "bt",
            AccountSetup.usdt(new BigDecimal("100000")),
            (bex, s) ->
                BacktestParityTest.bot(
                    StrategyEngine.builder()
                        .name("bt")
                        .exchange(bex)
                        .scheduler(s)
                        .symbol("BTCUSDT")
                        .strategy(replay)
                        .sizing(Sizing.quantity(SIZE))
                        .build(),
                    () -> {}))
        .build()
        .run();
    Map<Long, Integer> backtestWish =
        replay.decisions.stream()
            .collect(Collectors.toMap(Recording.Decision::openTime, Recording.Decision::target));
    Set<Long> compared = new HashSet<>();
    for (Recording.Decision d : live.decisions) {
      if (backtestWish.containsKey(d.openTime())) {
        assertThat(d.target())
            .as("wish after bar %d", (d.openTime() - T0) / MINUTE)
            .isEqualTo(backtestWish.get(d.openTime()));
        compared.add(d.openTime());
      }
    }
    assertThat(compared).hasSizeGreaterThanOrEqualTo(19);
  }

  private BigDecimal venuePosition() {
    return venue.position();
  }

  private static long countChanges(Recording r) {
    long changes = 0;
    int last = 0;
    for (Recording.Decision d : r.decisions) {
      if (d.target() != last) {
        changes++;
        last = d.target();
      }
    }
    return changes;
  }
}
