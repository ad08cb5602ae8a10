package dev.tradekit.benchmarks;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.SimVenue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Shows that replaying a long synthetic stream keeps the heap flat in the data length: the live
 * heap (used after forced full collections) is sampled at checkpoints of a 10 M-event replay, once
 * through a bare {@link DepthSynchronizer} + {@link OrderBook} and once through the simulated venue
 * ({@link SimVenue} with 5 ms market-data latency, fed by {@link MarketReplay}). Events are
 * generated on the fly by {@link SyntheticMarket}, so nothing proportional to the data is held by
 * the harness. {@code benchmarks/run.sh} runs it with {@code -Xmx64m}, far below what the events
 * would need if anything kept them.
 *
 * <pre>{@code
 * java -Xmx64m -cp benchmarks/target/benchmarks.jar dev.tradekit.benchmarks.HeapFlatness 10000000 out.json
 * }</pre>
 */
public final class HeapFlatness {
  private HeapFlatness() {}

  /** Live heap in bytes after {@code checkpoints[i]} events, for one replay path. */
  record Samples(String path, long[] checkpoints, long[] liveBytes, double seconds) {
    long growth() {
      return liveBytes[liveBytes.length - 1] - liveBytes[0];
    }

    String json() {
      return String.format(
          Locale.ROOT,
          "{\"path\":\"%s\",\"events\":%s,\"liveBytes\":%s,\"growthBytes\":%d,\"seconds\":%.1f}",
          path,
          Arrays.toString(checkpoints),
          Arrays.toString(liveBytes),
          growth(),
          seconds);
    }
  }

  /** Runs both paths over {@code events} events and writes one JSON line per path. */
  public static void main(String[] args) throws IOException {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    long[] checkpoints = {events / 10, events / 2, events};
    StringBuilder json = new StringBuilder("[\n");
    for (Samples s : new Samples[] {book(checkpoints), sim(checkpoints)}) {
      System.out.println(s.json());
      json.append("  ").append(s.json()).append(s.path.equals("sim") ? "\n" : ",\n");
    }
    json.append("]\n");
    System.out.printf(Locale.ROOT, "max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), json, StandardCharsets.UTF_8);
    }
  }

  static SyntheticMarket market(long events) {
    return new SyntheticMarket(
        SyntheticMarket.Config.builder()
            .seed(11)
            .duration(Duration.ofDays(30))
            .maxEvents(events)
            .updateRatePerSecond(200)
            .tradeRatePerSecond(20)
            .build());
  }

  /** Synthetic events through a depth synchroniser into a book. */
  static Samples book(long[] checkpoints) {
    long start = System.nanoTime();
    OrderBook book = new OrderBook("BTCUSDT");
    DepthSynchronizer sync = new DepthSynchronizer(book);
    long[] live = new long[checkpoints.length];
    long checksum = 0;
    try (Checkpoints source =
        new Checkpoints(market(checkpoints[checkpoints.length - 1]), checkpoints, live)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        sync.onEvent(e);
        checksum += book.depth(Side.BUY);
      }
    }
    if (checksum <= 0) {
      throw new IllegalStateException("the book never filled");
    }
    return new Samples("book", checkpoints, live, (System.nanoTime() - start) / 1e9);
  }

  /** Synthetic events through the simulated venue, with a listener on the delayed book. */
  static Samples sim(long[] checkpoints) {
    long start = System.nanoTime();
    Instrument instrument = SimReplayBenchmark.BTCUSDT;
    SimVenue venue =
        SimVenue.builder()
            .scheduler(new VirtualScheduler(0))
            .instrument(instrument)
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    long[] live = new long[checkpoints.length];
    try (Checkpoints source =
        new Checkpoints(market(checkpoints[checkpoints.length - 1]), checkpoints, live)) {
      new MarketReplay(source, venue).runToEnd();
    }
    if (venue.book("BTCUSDT").depth(Side.BUY) == 0) {
      throw new IllegalStateException("the venue's book is empty");
    }
    return new Samples("sim", checkpoints, live, (System.nanoTime() - start) / 1e9);
  }

  /** Live heap after full collections: the bytes still reachable. */
  static long liveHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Passes events through and samples the live heap when the count reaches each checkpoint. */
  private static final class Checkpoints implements MarketDataSource {
    private final MarketDataSource source;
    private final long[] at;
    private final long[] live;
    private long count;
    private int next;

    Checkpoints(MarketDataSource source, long[] at, long[] live) {
      this.source = source;
      this.at = at;
      this.live = live;
    }

    @Override
    public boolean next(MarketEvent into) {
      if (next < at.length && count == at[next]) {
        live[next++] = liveHeap();
      }
      if (!source.next(into)) {
        if (next < at.length) {
          live[next++] = liveHeap(); // the source ended early: sample at its end
        }
        return false;
      }
      count++;
      return true;
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
