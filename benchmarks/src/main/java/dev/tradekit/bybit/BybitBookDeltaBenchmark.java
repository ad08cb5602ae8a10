package dev.tradekit.bybit;

import dev.tradekit.api.book.TickScale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Bybit adapter's path for one {@code orderbook.500.XRPUSDT} delta of the real recording
 * ({@code bybit-linear/xrpusdt_ob500_20241201.data}): Moshi decode into the frame, then {@code
 * BybitBook.apply} (sequence check, each level into the local book). Run it beside the Binance
 * path, {@code AdapterBenchmark.depthUpdateDecodeAndApply}, in one JMH run: {@code
 * benchmarks/run.sh 'depthUpdateDecodeAndApply|BybitBookDelta'}.
 *
 * <p>The delta is the one with the median level count; its {@code u} is renumbered before each
 * apply so that the same delta applies every time instead of being a gap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BybitBookDeltaBenchmark {
  static final TickScale TICK = TickScale.of(new BigDecimal("0.0001"));

  private final BybitJson json = new BybitJson();
  private final BybitBook book = new BybitBook("XRPUSDT", TICK);

  /** The delta frame's text. */
  String delta = "";

  /** Levels in {@link #delta}. */
  int levels;

  /** Reads the recording (needs {@code tradekit.refdata}) and applies its snapshot. */
  @Setup
  public void load() {
    String root = System.getProperty("tradekit.refdata", "../shared/data");
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(root, "bybit-linear", "xrpusdt_ob500_20241201.data"));
    } catch (IOException e) {
      throw new UncheckedIOException("set -Dtradekit.refdata to the shared data folder", e);
    }
    book.apply(json.parse(BybitWire.BookFrame.class, lines.get(0)));
    List<String> deltas =
        lines.subList(1, lines.size()).stream()
            .sorted(Comparator.comparingInt(this::levelCount))
            .toList();
    delta = deltas.get(deltas.size() / 2);
    levels = levelCount(delta);
  }

  private int levelCount(String frame) {
    BybitWire.BookData d = json.parse(BybitWire.BookFrame.class, frame).data;
    return d.b.size() + d.a.size();
  }

  /** The local book, for the smoke test. */
  dev.tradekit.api.book.OrderBookView book() {
    return book.view();
  }

  /** Decode and apply one delta. */
  @Benchmark
  public long deltaDecodeAndApply() {
    BybitWire.BookFrame f = json.parse(BybitWire.BookFrame.class, delta);
    f.data.u = book.lastUpdateId() + 1;
    if (book.apply(f) != BybitBook.Result.APPLIED) {
      throw new IllegalStateException("the delta did not apply");
    }
    return book.lastUpdateId();
  }
}
