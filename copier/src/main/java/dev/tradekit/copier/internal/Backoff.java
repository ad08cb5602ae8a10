package dev.tradekit.copier.internal;

/**
 * Retry delays that double from a base up to a cap, without randomness (so virtual-time runs repeat
 * exactly).
 *
 * <pre>{@code
 * long wait = Backoff.DEFAULT.delayMillis(attempt);   // 250, 500, 1000, … 30000
 * }</pre>
 *
 * @param baseMillis the first delay
 * @param capMillis the largest delay
 */
public record Backoff(long baseMillis, long capMillis) {
  /** 250 ms doubling up to 30 s. */
  public static final Backoff DEFAULT = new Backoff(250, 30_000);

  /** Checks that {@code 0 < base <= cap}. */
  public Backoff {
    if (baseMillis <= 0 || capMillis < baseMillis) {
      throw new IllegalArgumentException(
          "need 0 < baseMillis <= capMillis, got " + baseMillis + " and " + capMillis);
    }
  }

  /** The delay before retry number {@code attempt} (0 = first retry). */
  public long delayMillis(int attempt) {
    int shift = Math.min(Math.max(attempt, 0), 30);
    long d = baseMillis << shift;
    return d <= 0 || d > capMillis ? capMillis : d;
  }
}
