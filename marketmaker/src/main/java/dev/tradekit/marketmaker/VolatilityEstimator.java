package dev.tradekit.marketmaker;

/**
 * Estimates the volatility of the mid online: an exponentially weighted mean of squared log returns
 * per second, {@code v ← α·r²/Δt + (1 − α)·v} (the first sample sets {@code v}).
 */
final class VolatilityEstimator {
  private final double alpha;
  private final int minSamples;
  private double variancePerSecond;
  private int samples;
  private long lastTime = Long.MIN_VALUE;
  private double lastMid;

  VolatilityEstimator(double alpha, int minSamples) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
    }
    if (minSamples < 1) {
      throw new IllegalArgumentException("minSamples must be >= 1, was " + minSamples);
    }
    this.alpha = alpha;
    this.minSamples = minSamples;
  }

  /** Adds the mid at {@code timeMillis}; a sample at the same time as the last one is ignored. */
  void update(long timeMillis, double mid) {
    if (!(mid > 0)) {
      return;
    }
    if (lastTime == Long.MIN_VALUE) {
      lastTime = timeMillis;
      lastMid = mid;
      return;
    }
    long dt = timeMillis - lastTime;
    if (dt <= 0) {
      return;
    }
    double r = Math.log(mid / lastMid);
    double sample = r * r / (dt / 1000.0);
    variancePerSecond = samples == 0 ? sample : alpha * sample + (1 - alpha) * variancePerSecond;
    samples++;
    lastTime = timeMillis;
    lastMid = mid;
  }

  /** Whether at least {@code minSamples} returns have been seen. */
  boolean ready() {
    return samples >= minSamples;
  }

  /** The standard deviation of log returns per square-root second. */
  double sigmaPerSqrtSecond() {
    return Math.sqrt(variancePerSecond);
  }

  int samples() {
    return samples;
  }
}
