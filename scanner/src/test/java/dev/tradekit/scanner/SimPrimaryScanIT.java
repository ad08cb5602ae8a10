package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Primary scans of 30 synthetic symbols replayed through the simulator, behind a Binance-like
 * request-weight limit that answers 429 to any call over the minute's budget.
 */
class SimPrimaryScanIT {
  private static final int SYMBOLS = 30;
  private static final long START = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
  private final VirtualScheduler clock = new VirtualScheduler(START);
  private final List<MarketDataSource> sources = new ArrayList<>();
  private final SimVenue venue;
  private final MarketReplay replay;

  SimPrimaryScanIT() {
    SimVenue.Builder b =
        SimVenue.builder()
            .scheduler(clock)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(50)))
            .marketDataLatency(LatencyModel.zero());
    for (int i = 0; i < SYMBOLS; i++) {
      String symbol = String.format("S%02dUSDT", i);
      b.instrument(HandDrivenMarket.instrument(symbol));
      sources.add(
          MarketDataSources.synthetic(
              SyntheticMarket.Config.builder()
                  .symbol(symbol)
                  .tickSize("0.1")
                  .lotSize("0.001")
                  .initialMid(String.valueOf(100 + 10 * i))
                  .tradeRatePerSecond(1 + i % 7)
                  .startTimeMillis(START)
                  .duration(Duration.ofMinutes(10))
                  .seed(1000 + i)
                  .build()));
    }
    venue = b.build();
    replay =
        new MarketReplay(MarketDataSources.merge(sources.toArray(new MarketDataSource[0])), venue);
  }

  @AfterEach
  void close() {
    sources.forEach(MarketDataSource::close);
  }

  private LimitedExchange exchange(int venueLimit) {
    return new LimitedExchange(
        venue.openAccount("scanner", AccountSetup.usdt(BigDecimal.TEN)), clock, venueLimit, true);
  }

  private ScanResult scan(Scanner scanner) {
    CompletableFuture<ScanResult> f = scanner.primaryScan(SYMBOLS);
    while (!f.isDone()) {
      replay.runUntil(clock.currentTimeMillis() + 100);
    }
    return f.join();
  }

  @Test
  void aScanWithinATightBudgetPacesItselfAndNeverHitsTheLimit() {
    replay.runUntil(START + 30_000); // trades give the symbols 24h volumes
    LimitedExchange ex = exchange(60);
    Scanner scanner =
        Scanner.builder().exchange(ex).scheduler(clock).weightPerMinute(60).minUsd(0).build();
    ScanResult r = scan(scanner);
    System.out.printf(
        "tight budget: %d symbols in %s, weight %d, %d walls, max weight in a minute %d%n",
        r.symbols().size(),
        r.duration(),
        r.weightSpent(),
        r.walls().size(),
        ex.maxWeightInAnyMinute());
    assertThat(r.symbols()).hasSize(SYMBOLS);
    assertThat(r.failures()).isEmpty();
    assertThat(ex.rejections).isZero();
    assertThat(ex.maxWeightInAnyMinute()).isLessThanOrEqualTo(60);
    assertThat(r.weightSpent()).isEqualTo(40 + 2 * SYMBOLS);
    assertThat(r.duration()).isGreaterThan(Duration.ofSeconds(60)); // 101 weight > 60 a minute
    assertThat(r.duration()).isLessThan(Duration.ofSeconds(121));
    assertThat(ex.maxInFlight).isLessThanOrEqualTo(5);
    assertThat(scanner.metrics().weightUsed()).isLessThanOrEqualTo(60);
  }

  @Test
  void aScanWithinTheDefaultBudgetRunsFiveAtATimeNearTheIdealBound() {
    replay.runUntil(START + 30_000);
    LimitedExchange ex = exchange(2400);
    Scanner scanner = Scanner.builder().exchange(ex).scheduler(clock).minUsd(0).build();
    ScanResult r = scan(scanner);
    // Tickers + ceil(30 / 5) rounds of books, 50 ms each (the sim lists instruments at once).
    System.out.printf(
        "default budget: %d symbols in %s (ideal %d ms), %d walls%n",
        r.symbols().size(), r.duration(), (1 + (SYMBOLS + 4) / 5) * 50, r.walls().size());
    assertThat(ex.maxInFlight).isEqualTo(5);
    assertThat(r.failures()).isEmpty();
    assertThat(r.duration()).isEqualTo(Duration.ofMillis(350));
    assertThat(r.symbols()).first().isEqualTo(rankedFirst(ex));
    assertThat(r.walls())
        .allSatisfy(w -> assertThat(w.stage()).isEqualTo(LargeOrder.Stage.CANDIDATE));
  }

  @Test
  void failedBookCallsAreRetriedWithBackoff() {
    replay.runUntil(START + 30_000);
    LimitedExchange ex = exchange(2400);
    int[] failures = {0};
    ex.depthFailures =
        s ->
            (s.equals("S03USDT") || s.equals("S07USDT")) && failures[0]++ < 4
                ? new TransportException("sim", 0, "connection reset")
                : null;
    Scanner scanner = Scanner.builder().exchange(ex).scheduler(clock).build();
    ScanResult r = scan(scanner);
    assertThat(r.failures()).isEmpty();
    assertThat(r.symbols()).contains("S03USDT", "S07USDT");
    assertThat(ex.depthCalls.stream().filter(c -> c.startsWith("S03USDT@"))).hasSizeGreaterThan(1);
    assertThat(scanner.metrics().failedCallsLastMinute()).isEqualTo(4);
  }

  @Test
  void healthReportsFailingCallsAndRecovers() {
    replay.runUntil(START + 30_000);
    LimitedExchange ex = exchange(2400);
    boolean[] down = {true};
    ex.depthFailures = s -> down[0] ? new TransportException("sim", 0, "connection reset") : null;
    Scanner scanner = Scanner.builder().exchange(ex).scheduler(clock).build();
    assertThat(scanner.health().status()).isEqualTo(Health.Status.DOWN);
    scanner.start();
    replay.runUntil(START + 40_000);
    Health h = scanner.health();
    assertThat(h.status()).isEqualTo(Health.Status.DEGRADED);
    assertThat(h.problems()).anyMatch(p -> p.contains("venue calls failed in the last minute"));
    assertThat(scanner.metrics().scansCompleted()).isEqualTo(1);
    down[0] = false;
    replay.runUntil(START + 6 * 60_000); // the next scan at +5 min succeeds; failures age out
    assertThat(scanner.health().status()).isEqualTo(Health.Status.UP);
    assertThat(scanner.metrics().scansCompleted()).isEqualTo(2);
    scanner.close();
  }

  private String rankedFirst(LimitedExchange ex) {
    CompletableFuture<List<Ticker24h>> f = ex.marketData().tickers24h();
    clock.advanceBy(Duration.ofMillis(100));
    return f.join().stream()
        .max(Comparator.comparing(Ticker24h::quoteVolume))
        .orElseThrow()
        .symbol();
  }
}
