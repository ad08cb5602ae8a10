package dev.tradekit.benchmarks;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput on the BTCUSDT recording ({@code btcusdt_20240808.gz}, 93,954 messages):
 * reading and parsing the raw file, and applying pre-decoded events to the book. Each invocation
 * replays the whole recording; the {@code events} counter gives messages per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReplayBenchmark {
  static final String RECORDING = "binance-usdm/btcusdt_20240808.gz";
  static final Map<String, TickScale> SCALES =
      Map.of("BTCUSDT", TickScale.of(new BigDecimal("0.1")));

  private Path recording = Path.of(RECORDING);
  private MarketEvent[] decoded = new MarketEvent[0];

  /** Events processed, reported by JMH as a rate next to the invocation rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    recording = RefData.file(RECORDING);
    List<MarketEvent> all = new ArrayList<>();
    try (MarketDataSource source = MarketDataSources.binanceRecording(recording, SCALES)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        all.add(e.copyOf());
      }
    }
    decoded = all.toArray(new MarketEvent[0]);
  }

  /** Gunzip, split lines, parse JSON into events: messages/s including parsing. */
  @Benchmark
  public long parseRecording(Events counter) {
    long checksum = 0;
    try (MarketDataSource source = MarketDataSources.binanceRecording(recording, SCALES)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        checksum += e.lastUpdateId();
        counter.events++;
      }
    }
    return checksum;
  }

  /** Pre-decoded events applied to a synchronised L2 book: events/s of book maintenance. */
  @Benchmark
  public long maintainBook(Events counter) {
    OrderBook book = new OrderBook("BTCUSDT", 1024);
    DepthSynchronizer sync = new DepthSynchronizer(book);
    long checksum = 0;
    for (MarketEvent e : decoded) {
      sync.onEvent(e);
      checksum += book.bestBidTicks();
    }
    counter.events += decoded.length;
    return checksum;
  }
}
