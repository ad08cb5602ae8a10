package dev.tradekit.backtest.optimize;

import dev.tradekit.backtest.RoundTrip;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Monte Carlo resampling of round-trip returns: each run reorders ({@link Mode#SHUFFLE}) or
 * resamples with replacement ({@link Mode#BOOTSTRAP}) the trade returns, compounds them from an
 * equity of 1 and records the total return and the maximum drawdown (from running peaks, the
 * starting equity included). Seeded: equal inputs and seed give equal distributions.
 *
 * <pre>{@code
 * MonteCarlo.Distribution d = MonteCarlo.ofTrips(result.account("bot").roundTrips())
 *     .run(MonteCarlo.Mode.BOOTSTRAP, 10_000, 42);
 * System.out.println("median return " + d.totalReturn().p50()
 *     + ", 95th percentile drawdown " + d.maxDrawdown().p95());
 * }</pre>
 */
public final class MonteCarlo {
  private final double[] returns;

  /** How a run draws its trades. */
  public enum Mode {
    /** n draws with replacement from the n trade returns. */
    BOOTSTRAP,
    /** A random permutation of the trade returns (same total return, other path). */
    SHUFFLE
  }

  /**
   * The 5th, 25th, 50th, 75th and 95th percentiles, linearly interpolated between order statistics
   * ({@code h = (n − 1) p}).
   */
  public record Percentiles(double p5, double p25, double p50, double p75, double p95) {}

  /** The sorted outcomes of all runs. */
  public static final class Distribution {
    private final double[] totalReturns;
    private final double[] maxDrawdowns;

    Distribution(double[] totalReturns, double[] maxDrawdowns) {
      this.totalReturns = totalReturns.clone();
      this.maxDrawdowns = maxDrawdowns.clone();
      Arrays.sort(this.totalReturns);
      Arrays.sort(this.maxDrawdowns);
    }

    /** The number of runs. */
    public int runs() {
      return totalReturns.length;
    }

    /** Total return per run, ascending (a copy). */
    public double[] totalReturns() {
      return totalReturns.clone();
    }

    /** Maximum drawdown per run (a fraction ≥ 0), ascending (a copy). */
    public double[] maxDrawdowns() {
      return maxDrawdowns.clone();
    }

    /** Percentiles of the total return. */
    public Percentiles totalReturn() {
      return percentiles(totalReturns);
    }

    /** Percentiles of the maximum drawdown. */
    public Percentiles maxDrawdown() {
      return percentiles(maxDrawdowns);
    }
  }

  private MonteCarlo(double[] returns) {
    this.returns = returns;
  }

  /**
   * Resampling of the given per-trade returns (fractions, e.g. 0.01 for +1 %).
   *
   * @throws IllegalArgumentException if there are none, one is not finite or one is ≤ −1
   */
  public static MonteCarlo of(double[] tradeReturns) {
    Objects.requireNonNull(tradeReturns, "tradeReturns");
    if (tradeReturns.length == 0) {
      throw new IllegalArgumentException("tradeReturns must hold at least one return");
    }
    for (int i = 0; i < tradeReturns.length; i++) {
      double r = tradeReturns[i];
      if (!Double.isFinite(r) || r <= -1) {
        throw new IllegalArgumentException(
            "tradeReturns[" + i + "] must be finite and > -1, was " + r);
      }
    }
    return new MonteCarlo(tradeReturns.clone());
  }

  /** Resampling of the round trips' {@link RoundTrip#returnOnEquity()}. */
  public static MonteCarlo ofTrips(List<RoundTrip> trips) {
    Objects.requireNonNull(trips, "trips");
    double[] r = new double[trips.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = trips.get(i).returnOnEquity();
    }
    return of(r);
  }

  /**
   * Runs {@code runs} resamples with a {@link Random} of {@code seed}.
   *
   * @throws IllegalArgumentException if {@code runs} is less than 1
   */
  public Distribution run(Mode mode, int runs, long seed) {
    Objects.requireNonNull(mode, "mode");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + runs);
    }
    Random random = new Random(seed);
    int n = returns.length;
    double[] path = returns.clone();
    double[] totals = new double[runs];
    double[] drawdowns = new double[runs];
    for (int k = 0; k < runs; k++) {
      if (mode == Mode.SHUFFLE) {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double t = path[i];
          path[i] = path[j];
          path[j] = t;
        }
      } else {
        for (int i = 0; i < n; i++) {
          path[i] = returns[random.nextInt(n)];
        }
      }
      double equity = 1;
      double peak = 1;
      double worst = 0;
      for (int i = 0; i < n; i++) {
        equity *= 1 + path[i];
        if (equity > peak) {
          peak = equity;
        } else {
          worst = Math.max(worst, (peak - equity) / peak);
        }
      }
      totals[k] = equity - 1;
      drawdowns[k] = worst;
    }
    return new Distribution(totals, drawdowns);
  }

  /** The five percentiles of ascending {@code sorted}. */
  static Percentiles percentiles(double[] sorted) {
    return new Percentiles(
        percentile(sorted, 0.05),
        percentile(sorted, 0.25),
        percentile(sorted, 0.50),
        percentile(sorted, 0.75),
        percentile(sorted, 0.95));
  }

  /** Percentile {@code p} in [0, 1] of ascending {@code sorted}, interpolated at (n − 1) p. */
  static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
