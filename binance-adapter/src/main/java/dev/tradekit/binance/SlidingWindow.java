package dev.tradekit.binance;

import java.util.Arrays;

/**
 * A counter over a rolling time window, kept in fixed buckets so that recording allocates nothing.
 *
 * <p>An amount recorded at time {@code t} counts until the end of its bucket plus the window, so
 * the count is never lower than the true rolling sum (it may be higher by at most one bucket's
 * worth of time). Not thread-safe: {@link RateLimiter} guards it.
 */
final class SlidingWindow {
  private final long windowMs;
  private final long bucketMs;
  private final long[] amounts;

  /** Start time of the bucket at index {@code i}, or {@link Long#MIN_VALUE} when empty. */
  private final long[] starts;

  private long total;

  /**
   * The earliest expiry among the live buckets ({@link Long#MAX_VALUE} when none): until then
   * nothing can expire, so {@link #evict} returns at once instead of scanning every bucket (the
   * one-minute windows have 601) on each request.
   */
  private long nextExpiry = Long.MAX_VALUE;

  SlidingWindow(long windowMs, int buckets) {
    if (windowMs <= 0 || buckets <= 0 || windowMs % buckets != 0) {
      throw new IllegalArgumentException(
          "windowMs (" + windowMs + ") must be a positive multiple of buckets (" + buckets + ")");
    }
    this.windowMs = windowMs;
    this.bucketMs = windowMs / buckets;
    this.amounts = new long[buckets + 1];
    this.starts = new long[buckets + 1];
    Arrays.fill(starts, Long.MIN_VALUE);
  }

  long windowMs() {
    return windowMs;
  }

  /** The amount recorded in the window that ends at {@code now}. */
  long used(long now) {
    evict(now);
    return total;
  }

  /**
   * How long from {@code now} until {@code amount} more fits under {@code limit}: 0 when it fits
   * now.
   */
  long waitFor(long amount, long limit, long now) {
    evict(now);
    long excess = total + amount - limit;
    if (excess <= 0) {
      return 0;
    }
    // Free buckets oldest first (walk the live bucket starts in time order) until it fits.
    long nowStart = now - Math.floorMod(now, bucketMs);
    long freed = 0;
    for (long start = nowStart - (starts.length - 1) * bucketMs;
        start <= nowStart;
        start += bucketMs) {
      int i = slot(start);
      if (starts[i] == start) {
        freed += amounts[i];
        if (freed >= excess) {
          return Math.max(1, expiry(start) - now);
        }
      }
    }
    // Only when the amount alone is above the limit; callers reject that earlier.
    return windowMs + bucketMs;
  }

  /** Records {@code amount} at {@code now}. */
  void add(long amount, long now) {
    evict(now);
    long start = now - Math.floorMod(now, bucketMs);
    int i = slot(start);
    if (starts[i] != start) {
      starts[i] = start;
      amounts[i] = 0;
      nextExpiry = Math.min(nextExpiry, expiry(start));
    }
    amounts[i] += amount;
    total += amount;
  }

  /** Raises the count to {@code observed} (recording the difference now) if it is lower. */
  void raiseTo(long observed, long now) {
    long current = used(now);
    if (observed > current) {
      add(observed - current, now);
    }
  }

  private int slot(long bucketStart) {
    return (int) Math.floorMod(bucketStart / bucketMs, (long) starts.length);
  }

  private long expiry(long bucketStart) {
    return bucketStart + bucketMs + windowMs;
  }

  private void evict(long now) {
    if (now < nextExpiry) {
      return; // no live bucket expires before nextExpiry
    }
    long next = Long.MAX_VALUE;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] == Long.MIN_VALUE) {
        continue;
      }
      long expiry = expiry(starts[i]);
      if (expiry <= now) {
        total -= amounts[i];
        amounts[i] = 0;
        starts[i] = Long.MIN_VALUE;
      } else {
        next = Math.min(next, expiry);
      }
    }
    nextExpiry = next;
  }
}
