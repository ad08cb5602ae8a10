package dev.tradekit.scanner;

import java.util.ArrayDeque;

/**
 * A sliding one-minute window of spent request weight. Keeping every 60-second window within the
 * limit also keeps every fixed calendar minute (the venue's window) within it.
 */
final class WeightBudget {
  static final long WINDOW_MILLIS = 60_000L;

  private final int perMinute;
  private final ArrayDeque<long[]> spent = new ArrayDeque<>(); // {time, weight}
  private int used;

  WeightBudget(int perMinute) {
    this.perMinute = perMinute;
  }

  int limit() {
    return perMinute;
  }

  /** Weight spent in the window ending at {@code now}. */
  synchronized int used(long now) {
    evict(now);
    return used;
  }

  /** Spends {@code weight} at {@code now} if the window has room; otherwise spends nothing. */
  synchronized boolean tryAcquire(int weight, long now) {
    evict(now);
    if (used + weight > perMinute) {
      return false;
    }
    spent.addLast(new long[] {now, weight});
    used += weight;
    return true;
  }

  /** The earliest time at or after {@code now} when {@code weight} will fit. */
  synchronized long availableAt(int weight, long now) {
    evict(now);
    int free = perMinute - used;
    if (weight <= free) {
      return now;
    }
    for (long[] e : spent) {
      free += (int) e[1];
      if (weight <= free) {
        return e[0] + WINDOW_MILLIS;
      }
    }
    return now + WINDOW_MILLIS; // weight above the limit: the builder rules this out
  }

  private void evict(long now) {
    long[] head;
    while ((head = spent.peekFirst()) != null && head[0] + WINDOW_MILLIS <= now) {
      spent.removeFirst();
      used -= (int) head[1];
    }
  }
}
