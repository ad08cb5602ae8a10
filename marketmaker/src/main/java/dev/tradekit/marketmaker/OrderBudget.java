package dev.tradekit.marketmaker;

import java.util.ArrayDeque;

/**
 * A sliding one-minute budget of order placements and amendments (cancels are never held back),
 * kept under the venue's order-count limit so that the venue never has to refuse the bot.
 */
final class OrderBudget {
  static final long WINDOW_MILLIS = 60_000;
  private final int perMinute;
  private final ArrayDeque<Long> spent = new ArrayDeque<>();

  /** {@code perMinute} 0 means unlimited. */
  OrderBudget(int perMinute) {
    this.perMinute = perMinute;
  }

  /** How many more placements or amendments fit in the window ending at {@code now}. */
  int available(long now) {
    if (perMinute == 0) {
      return Integer.MAX_VALUE;
    }
    while (!spent.isEmpty() && spent.peekFirst() <= now - WINDOW_MILLIS) {
      spent.pollFirst();
    }
    return perMinute - spent.size();
  }

  void spend(long now, int count) {
    if (perMinute == 0) {
      return;
    }
    for (int i = 0; i < count; i++) {
      spent.addLast(now);
    }
  }

  /** When the next unit of budget frees up, or {@code now} when some is available. */
  long nextFree(long now) {
    if (available(now) > 0 || spent.isEmpty()) {
      return now;
    }
    return spent.peekFirst() + WINDOW_MILLIS;
  }
}
