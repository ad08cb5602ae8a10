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
   * Resting orders per side and symbol, one a tick from the touch outwards (default 10: 20 orders).
   * The scale curve runs 10, 100 and 1000 ({@code -p levels=10,100,1000}).
   */
  @Param({"10"})
  public int levels = 10;

  /**
   * Listed symbols (default 1): the recording is replayed once under each name, every event given
   * to each symbol in turn at its time, with a ladder on each. The scale curve runs 1, 10 and 100
   * ({@code -p symbols=1,10,100}).
   */
  @Param({"1"})
  public int symbols = 1;

  private List<MarketEvent> decoded = List.of();
  private String[] names = {};

  @Setup(Level.Trial)
  public void load() {
    decoded = decodeRecording();
    names = new String[symbols];
    for (int k = 0; k < symbols; k++) {
      names[k] = k == 0 ? BTCUSDT.symbol() : BTCUSDT.symbol() + "_" + k;
    }
  }

  /** The BTCUSDT recording decoded once, each event kept. */
  static List<MarketEvent> decodeRecording() {
    List<MarketEvent> all = new ArrayList<>();
    try (MarketDataSource source =
        MarketDataSources.binanceRecording(
            RefData.file(ReplayBenchmark.RECORDING), ReplayBenchmark.SCALES)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        all.add(e.copyOf());
      }
    }
    return all;
  }

  /** Replays every event through a fresh venue with a ladder of resting orders near the touch. */
  @Benchmark
  public int replayWithRestingOrders(ReplayBenchmark.Events counter) {
    VirtualScheduler clock = new VirtualScheduler(0);
    SimVenue.Builder builder =
        SimVenue.builder()
            .scheduler(clock)
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.fixed(java.time.Duration.ofMillis(5)));
    for (String name : names) {
      builder.instrument(name.equals(BTCUSDT.symbol()) ? BTCUSDT : renamed(name));
    }
    SimVenue venue = builder.build();
    Exchange account = venue.openAccount("maker", AccountSetup.usdt(new BigDecimal("1000000")));
    MarketDataSource source =
        names.length == 1
            ? MarketDataSources.inMemory(decoded)
            : new FanOutSource(decoded.toArray(new MarketEvent[0]), names);
    MarketReplay replay = new MarketReplay(source, venue);
    replay.runUntil(decoded.get(SYNC_EVENTS).eventTime());
    for (String name : names) {
      placeLadder(account, name, venue.book(name), levels);
    }
    replay.runToEnd();
    counter.events += (long) decoded.size() * names.length;
    return venue.book(BTCUSDT.symbol()).depth(Side.BUY);
  }

  private static Instrument renamed(String symbol) {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(BTCUSDT.baseAsset())
        .quoteAsset(BTCUSDT.quoteAsset())
        .tickSize(BTCUSDT.tickSize())
        .stepSize(BTCUSDT.stepSize())
        .minQty(BTCUSDT.minQty())
        .minNotional(BTCUSDT.minNotional())
        .build();
  }

  private static void placeLadder(Exchange account, String symbol, OrderBookView book, int levels) {
    TickScale scale = TickScale.of(BTCUSDT.tickSize());
    BigDecimal qty = new BigDecimal("0.010");
    for (int i = 0; i < levels; i++) {
      account
          .trading()
          .place(
              OrderRequest.postOnly(symbol, Side.BUY, qty, scale.toPrice(book.bestBidTicks() - i)));
      account
          .trading()
          .place(
              OrderRequest.postOnly(
                  symbol, Side.SELL, qty, scale.toPrice(book.bestAskTicks() + i)));
    }
  }

  /**
   * The recording under several symbol names: each event lent once per name, renamed in place (the
   * benchmark's own copies), so {@code n} symbols see the same market at the same times.
   */
  static final class FanOutSource implements MarketDataSource {
    private final MarketEvent[] events;
    private final String[] names;
    private int next;
    private int name;

    FanOutSource(MarketEvent[] events, String[] names) {
      this.events = events;
      this.names = names;
    }

    @Override
    public boolean next(MarketEvent into) {
      MarketEvent e = nextEvent(into);
      if (e != null) {
        into.copyFrom(e);
      }
      return e != null;
    }

    @Override
    public @Nullable MarketEvent nextEvent(MarketEvent scratch) {
      if (next == events.length) {
        return null;
      }
      MarketEvent e = events[next].symbol(names[name]);
      if (++name == names.length) {
        name = 0;
        next++;
      }
      return e;
    }

    @Override
    public void close() {}
  }
}
