package dev.tradekit.benchmarks;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.scanner.Scanner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot pool's cost per depth event. A simulated venue (virtual time, no latency) shows one
 * symbol with a wall an account placed; a scanner has promoted it to the hot pool and follows the
 * symbol's book stream. Each operation is one depth diff at the touch, applied by the venue and
 * then by the hot pool (book hand-off, sighting, scoring, triggers). {@code follow=false} is the
 * same venue with a no-op book listener instead of the scanner: the difference is the hot pool's
 * share. Run with {@code -prof gc} for the allocation per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPoolBenchmark {
  static final String SYMBOL = ScannerMarket.symbol(0);

  @Param({"true", "false"})
  public boolean follow;

  private final VirtualScheduler clock = new VirtualScheduler(1_704_067_200_000L);
  private final MarketEvent diff = new MarketEvent();
  private @Nullable SimVenue venue;
  private @Nullable Scanner scanner;
  private long updateId;
  private long seq;

  @Setup(Level.Trial)
  public void setUp() {
    SimVenue v =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(ScannerMarket.instrument(SYMBOL))
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.zero())
            .build();
    venue = v;
    updateId = ScannerMarket.seed(v, SYMBOL, clock.currentTimeMillis(), 10, 0);
    Exchange wall = v.openAccount("wall", AccountSetup.usdt(new BigDecimal("1000000")));
    wall.trading()
        .place(OrderRequest.limit(SYMBOL, Side.BUY, new BigDecimal("200"), new BigDecimal("98.8")));
    clock.runPending();
    Exchange ex = v.openAccount("scanner", AccountSetup.usdt(BigDecimal.TEN));
    if (follow) {
      Scanner s =
          Scanner.builder()
              .exchange(ex)
              .scheduler(clock)
              .topSymbols(1)
              .minUsd(1_000)
              .promotionAge(Duration.ofSeconds(1))
              .observerInterval(Duration.ofSeconds(1))
              .build();
      scanner = s;
      s.start();
      clock.advanceBy(Duration.ofSeconds(3));
      if (s.hotOrders().size() != 1) {
        throw new IllegalStateException("the wall did not reach the hot pool: " + s.hotOrders());
      }
    } else {
      ex.streams().orderBook(SYMBOL, book -> {});
    }
  }

  /** One depth diff at the best bid, through the venue and (when followed) the hot pool. */
  @Benchmark
  public long depthEvent() {
    SimVenue v = java.util.Objects.requireNonNull(venue);
    long now = clock.currentTimeMillis();
    diff.reset(MarketEvent.Type.DEPTH_UPDATE, SYMBOL, now, 0);
    diff.updateIds(updateId + 1, updateId + 1, updateId);
    diff.addLevel(Side.BUY, ScannerMarket.BID, ScannerMarket.FLAT + (seq++ & 7));
    updateId++;
    v.onMarketEvent(diff);
    clock.runPending();
    return updateId;
  }

  /** Hot orders now (1 when the wall is followed); for the smoke test. */
  int hotOrders() {
    return scanner == null ? 0 : scanner.hotOrders().size();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (scanner != null) {
      scanner.close();
    }
  }
}
