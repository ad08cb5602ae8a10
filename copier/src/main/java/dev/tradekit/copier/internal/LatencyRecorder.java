package dev.tradekit.copier.internal;

import java.util.Arrays;

/**
 * The last {@value #CAPACITY} latencies of one follower (leader fill time to follower
 * acknowledgement, in scheduler milliseconds) and their percentiles. Thread-safe.
 *
 * <pre>{@code
 * recorder.record(ackTime - fillTime);
 * long p99 = recorder.percentile(99);
 * }</pre>
 */
public final class LatencyRecorder {
  static final int CAPACITY = 4096;

  private final long[] ring = new long[CAPACITY];
  private long count;

  /** Adds one sample (negative samples, from clock differences, count as 0). */
  public synchronized void record(long millis) {
    ring[(int) (count % CAPACITY)] = Math.max(0, millis);
    count++;
  }

  /** Samples recorded so far (all time, not only those kept). */
  public synchronized long count() {
    return count;
  }

  /**
   * The nearest-rank percentile {@code p} (0 to 100) of the kept samples, or -1 when there are
   * none.
   */
  public synchronized long percentile(double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("p must be in [0, 100] but was " + p);
    }
    int n = (int) Math.min(count, CAPACITY);
    if (n == 0) {
      return -1;
    }
    long[] sorted = Arrays.copyOf(ring, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
  }
}
