package dev.tradekit.backtest.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A one-way latency in whole milliseconds, fixed or drawn from a seeded random source, for orders
 * travelling to the simulated matcher or market data travelling to the accounts.
 *
 * <pre>{@code
 * LatencyModel orders = LatencyModel.uniform(Duration.ofMillis(3), Duration.ofMillis(12));
 * LatencyModel data = LatencyModel.fixed(Duration.ofMillis(5));
 * LatencyModel none = LatencyModel.zero();   // an explicit choice, never a default
 * }</pre>
 *
 * <p>Samples come only from the {@link SplittableRandom} passed in, so a venue with a fixed seed
 * draws the same latencies in the same order. Fixed models draw nothing.
 */
public final class LatencyModel {
  private static final LatencyModel ZERO = new LatencyModel(new long[] {0}, false);

  /** Either one value (fixed), two bounds (uniform), or a list to draw from (sampled). */
  private final long[] millis;

  private final boolean uniform;

  private LatencyModel(long[] millis, boolean uniform) {
    this.millis = millis;
    this.uniform = uniform;
  }

  /** No latency at all: requests reach the matcher and data reaches accounts at once. */
  public static LatencyModel zero() {
    return ZERO;
  }

  /**
   * Always {@code latency} (truncated to whole milliseconds).
   *
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public static LatencyModel fixed(Duration latency) {
    return new LatencyModel(new long[] {millis(latency, "latency")}, false);
  }

  /**
   * Uniformly distributed whole milliseconds in {@code [min, max]}.
   *
   * @throws IllegalArgumentException if a bound is negative or {@code min > max}
   */
  public static LatencyModel uniform(Duration min, Duration max) {
    long lo = millis(min, "min");
    long hi = millis(max, "max");
    if (lo > hi) {
      throw new IllegalArgumentException(
          "min " + lo + " ms must not exceed max " + hi + " ms for a uniform latency");
    }
    return lo == hi
        ? new LatencyModel(new long[] {lo}, false)
        : new LatencyModel(new long[] {lo, hi}, true);
  }

  /**
   * One of {@code observed}, drawn with equal probability per sample (e.g. measured round trips).
   *
   * @throws IllegalArgumentException if the list is empty or holds a negative duration
   */
  public static LatencyModel sampled(List<Duration> observed) {
    Objects.requireNonNull(observed, "observed");
    if (observed.isEmpty()) {
      throw new IllegalArgumentException("observed must hold at least one latency");
    }
    long[] values = new long[observed.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = millis(observed.get(i), "observed[" + i + "]");
    }
    return new LatencyModel(values, false);
  }

  /** The latency when it is fixed (draws nothing from a random source), else {@code -1}. */
  long fixedMillis() {
    return !uniform && millis.length == 1 ? millis[0] : -1;
  }

  /** One latency in milliseconds, drawn from {@code random} unless the model is fixed. */
  public long sampleMillis(SplittableRandom random) {
    Objects.requireNonNull(random, "random");
    if (uniform) {
      return millis[0] + random.nextLong(millis[1] - millis[0] + 1);
    }
    return millis.length == 1 ? millis[0] : millis[random.nextInt(millis.length)];
  }

  /** True when every sample is zero. */
  boolean isZero() {
    return !uniform && Arrays.stream(millis).allMatch(m -> m == 0);
  }

  private static long millis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d.toMillis();
  }

  @Override
  public String toString() {
    if (uniform) {
      return "LatencyModel[uniform " + millis[0] + ".." + millis[1] + " ms]";
    }
    return millis.length == 1
        ? "LatencyModel[" + millis[0] + " ms]"
        : "LatencyModel[sampled " + Arrays.toString(millis) + " ms]";
  }
}
