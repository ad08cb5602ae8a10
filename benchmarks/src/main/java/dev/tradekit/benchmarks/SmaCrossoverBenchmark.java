package dev.tradekit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;

/**
 * The arithmetic's lower bound, not the product: the SMA(50)/SMA(200) crossover over 1,000,000
 * one-minute bars of a {@code Random(42)} random walk as one hand-written loop over two {@code
 * double[]} (no venue, no orders, no fills), beside ta4j 0.17 on the same bars (same trades,
 * checked by {@code SmaCrossoverBenchmarkTest}). The product's runner on the same bars is {@link
 * BarStrategyBenchmark}. One operation is one bar, so the score is bars per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class SmaCrossoverBenchmark {
  static final int BARS = 1_000_000;
  static final int FAST = 50;
  static final int SLOW = 200;
  static final double TAKER_FEE = 0.0004;

  private SmaBars bars = SmaBars.generate(1);
  private BarSeries series = bars.toSeries();
  private final PrimitiveSmaCross ours = new PrimitiveSmaCross(FAST, SLOW, TAKER_FEE);

  @Setup(Level.Trial)
  public void load() {
    bars = SmaBars.generate(BARS);
    series = bars.toSeries();
  }

  /**
   * The crossover as a bare allocation-free loop (the lower bound of the arithmetic, not the
   * product); returns the completed round trips.
   */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public long primitiveLoopLowerBound() {
    return ours.run(bars.open, bars.close);
  }

  /** ta4j 0.17 BarSeriesManager with SMA indicators and cross rules; returns closed positions. */
  @Benchmark
  @OperationsPerInvocation(BARS)
  public long ta4j() {
    return Ta4jSmaCross.run(series, FAST, SLOW, TAKER_FEE).getPositionCount();
  }
}
