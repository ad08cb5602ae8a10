package dev.tradekit.benchmarks;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulated venue replaying the pre-decoded BTCUSDT recording: book maintenance, the delayed
 * visible feed (5 ms market-data latency) and a resting-order matcher with 20 orders near the touch
 * filled by queue position ({@link #levels} scales the ladder). Each invocation replays the whole
 * recording; the {@code events} counter gives events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SimReplayBenchmark {
  /** BTCUSDT as in the recordings; shared by the benchmarks that need the instrument. */
  public static final Instrument BTCUSDT =
      Instrument.builder()
          .symbol("BTCUSDT")
          .baseAsset("BTC")
          .quoteAsset("USDT")
          .tickSize(new BigDecimal("0.1"))
          .stepSize(new BigDecimal("0.001"))
          .minQty(new BigDecimal("0.001"))
          .minNotional(new BigDecimal("100"))
          .build();

  private static final int SYNC_EVENTS = 2_000;

  /**
   * Resting orders per side, one a tick from the touch outwards (default 10: 20 orders). The scale
   * curve runs 10, 100 and 1000 ({@code -p levels=10,100,1000}).
   */
  @Param({"10"})
  public int levels = 10;

  private MarketEvent[] decoded = new MarketEvent[0];

  @Setup(Level.Trial)
  public void load() {
    List<MarketEvent> all = new ArrayList<>();
    try (MarketDataSource source =
        MarketDataSources.binanceRecording(
            RefData.file(ReplayBenchmark.RECORDING), ReplayBenchmark.SCALES)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        all.add(e.copyOf());
      }
    }
    decoded = all.toArray(new MarketEvent[0]);
  }

  /** Replays every event through a fresh venue with a ladder of resting orders near the touch. */
  @Benchmark
  public int replayWithRestingOrders(ReplayBenchmark.Events counter) {
    VirtualScheduler clock = new VirtualScheduler(0);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(BTCUSDT)
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.fixed(java.time.Duration.ofMillis(5)))
            .build();
    Exchange account = venue.openAccount("maker", AccountSetup.usdt(new BigDecimal("1000000")));
    ArraySource source = new ArraySource(decoded);
    MarketReplay replay = new MarketReplay(source, venue);
    replay.runUntil(decoded[SYNC_EVENTS].eventTime());
    placeLadder(account, venue.book("BTCUSDT"), levels);
    replay.runToEnd();
    counter.events += decoded.length;
    return venue.book("BTCUSDT").depth(Side.BUY);
  }

  private static void placeLadder(Exchange account, OrderBookView book, int levels) {
    TickScale scale = TickScale.of(BTCUSDT.tickSize());
    BigDecimal qty = new BigDecimal("0.010");
    for (int i = 0; i < levels; i++) {
      account
          .trading()
          .place(
              OrderRequest.postOnly(
                  "BTCUSDT", Side.BUY, qty, scale.toPrice(book.bestBidTicks() - i)));
      account
          .trading()
          .place(
              OrderRequest.postOnly(
                  "BTCUSDT", Side.SELL, qty, scale.toPrice(book.bestAskTicks() + i)));
    }
  }

  /** Serves pre-decoded events without parsing. */
  static final class ArraySource implements MarketDataSource {
    private final MarketEvent[] events;
    private int next;

    ArraySource(MarketEvent[] events) {
      this.events = events;
    }

    @Override
    public boolean next(MarketEvent into) {
      if (next == events.length) {
        return false;
      }
      into.copyFrom(events[next++]);
      return true;
    }

    @Override
    public void close() {}
  }
}
