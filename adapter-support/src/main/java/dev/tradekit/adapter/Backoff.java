package dev.tradekit.adapter;

import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with jitter: each delay is drawn uniformly from the upper half of the current
 * step ({@code [step/2, step]}), and the step doubles from {@code min} up to {@code max}. Not
 * thread-safe: use it on one scheduler.
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(500, 30_000, new Random());
 * long wait = backoff.nextDelayMillis(); // 250..500, then 500..1000, ... up to 15000..30000
 * backoff.reset();                       // after a connection that lived a while
 * }</pre>
 */
public final class Backoff {
  private final long minMillis;
  private final long maxMillis;
  private final Random random;
  private long step;

  /**
   * @param minMillis the first step, positive
   * @param maxMillis the largest step, at least {@code minMillis}
   * @param random the jitter source
   */
  public Backoff(long minMillis, long maxMillis, Random random) {
    if (minMillis <= 0 || maxMillis < minMillis) {
      throw new IllegalArgumentException(
          "need 0 < minMillis <= maxMillis: " + minMillis + ", " + maxMillis);
    }
    this.minMillis = minMillis;
    this.maxMillis = maxMillis;
    this.random = Objects.requireNonNull(random, "random");
    this.step = minMillis;
  }

  /** The next delay in milliseconds; the following one will be about twice as long. */
  public long nextDelayMillis() {
    long current = step;
    step = Math.min(maxMillis, step * 2);
    long half = current / 2;
    return half + (long) (random.nextDouble() * (current - half + 1));
  }

  /** Starts again from the minimum delay. */
  public void reset() {
    step = minMillis;
  }
}
