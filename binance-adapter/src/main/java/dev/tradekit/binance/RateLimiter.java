package dev.tradekit.binance;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps requests under Binance USD-M's limits: request weight per rolling minute (per IP) and order
 * counts per 10 seconds and per minute (per account), and holds every request back while a 429
 * back-off or a 418 ban lasts.
 *
 * <p>One instance is shared by everything that sends from the same IP and account: create it once
 * and pass it to each client. {@link #acquire(int, int)} either records the request and returns 0,
 * or records nothing and returns how many ms to wait. Counts are corrected upward from the {@code
 * X-MBX-USED-WEIGHT-1M} and {@code X-MBX-ORDER-COUNT-*} reply headers, so requests this instance
 * never saw (another process on the same IP) are accounted for too. Thread-safe.
 */
final class RateLimiter {
  static final int DEFAULT_WEIGHT_PER_MINUTE = 2400;
  static final int DEFAULT_ORDERS_PER_10S = 300;
  static final int DEFAULT_ORDERS_PER_MINUTE = 1200;
  private static final int BUCKET_MS = 100;

  /** A snapshot of the limiter's state, for monitoring. Times are epoch ms; 0 means none. */
  record Usage(
      long usedWeight1m,
      int weightLimit1m,
      long orders10s,
      int orderLimit10s,
      long orders1m,
      int orderLimit1m,
      long blockedUntil,
      long bannedUntil) {}

  private final LongSupplier clock;
  private final SlidingWindow weight1m = new SlidingWindow(60_000, 60_000 / BUCKET_MS);
  private final SlidingWindow orders10s = new SlidingWindow(10_000, 10_000 / BUCKET_MS);
  private final SlidingWindow orders1m = new SlidingWindow(60_000, 60_000 / BUCKET_MS);
  private int weightLimit = DEFAULT_WEIGHT_PER_MINUTE;
  private int orderLimit10s = DEFAULT_ORDERS_PER_10S;
  private int orderLimit1m = DEFAULT_ORDERS_PER_MINUTE;
  private long blockedUntil;
  private long bannedUntil;

  /**
   * @param clock current time in epoch ms (the same clock for every call)
   */
  RateLimiter(LongSupplier clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Replaces the limits; each must be positive. */
  synchronized void setLimits(int weightPerMinute, int ordersPer10s, int ordersPerMinute) {
    requirePositive(weightPerMinute, "weightPerMinute");
    requirePositive(ordersPer10s, "ordersPer10s");
    requirePositive(ordersPerMinute, "ordersPerMinute");
    this.weightLimit = weightPerMinute;
    this.orderLimit10s = ordersPer10s;
    this.orderLimit1m = ordersPerMinute;
  }

  /**
   * Takes the limits from exchangeInfo's {@code rateLimits}: REQUEST_WEIGHT per 1 minute, ORDERS
   * per 10 seconds and per 1 minute. Entries with other intervals are ignored; limits not listed
   * keep their current value.
   */
  synchronized void applyExchangeLimits(List<ExchangeInfoDto.RateLimit> limits) {
    int w = weightLimit;
    int o10 = orderLimit10s;
    int o1m = orderLimit1m;
    for (ExchangeInfoDto.RateLimit l : limits) {
      if (l.limit <= 0) {
        continue;
      }
      if ("REQUEST_WEIGHT".equals(l.rateLimitType) && isInterval(l, "MINUTE", 1)) {
        w = l.limit;
      } else if ("ORDERS".equals(l.rateLimitType) && isInterval(l, "SECOND", 10)) {
        o10 = l.limit;
      } else if ("ORDERS".equals(l.rateLimitType) && isInterval(l, "MINUTE", 1)) {
        o1m = l.limit;
      }
    }
    setLimits(w, o10, o1m);
  }

  private static boolean isInterval(ExchangeInfoDto.RateLimit l, String interval, int num) {
    return interval.equals(l.interval) && l.intervalNum == num;
  }

  /** {@link #acquire(int, int)} with one order when {@code isOrder}, none otherwise. */
  long acquire(int weight, boolean isOrder) {
    return acquire(weight, isOrder ? 1 : 0);
  }

  /**
   * Asks to send a request of {@code weight} that places {@code orders} orders.
   *
   * @return 0 when it may go now (and it is recorded), else the ms to wait (nothing recorded)
   * @throws IllegalArgumentException when the request could never fit under the limits
   */
  synchronized long acquire(int weight, int orders) {
    if (weight < 0 || orders < 0) {
      throw new IllegalArgumentException(
          "weight (" + weight + ") and orders (" + orders + ") must not be negative");
    }
    if (weight > weightLimit || orders > orderLimit10s || orders > orderLimit1m) {
      throw new IllegalArgumentException(
          "a request of weight "
              + weight
              + " with "
              + orders
              + " orders can never fit under the limits "
              + weightLimit
              + "/min, "
              + orderLimit10s
              + " orders/10s, "
              + orderLimit1m
              + " orders/min");
    }
    long now = clock.getAsLong();
    long block = Math.max(blockedUntil, bannedUntil);
    if (now < block) {
      return block - now;
    }
    // A zero-weight call (placing an order) is not held back by the IP weight.
    long wait = weight > 0 ? weight1m.waitFor(weight, weightLimit, now) : 0;
    if (orders > 0) {
      wait = Math.max(wait, orders10s.waitFor(orders, orderLimit10s, now));
      wait = Math.max(wait, orders1m.waitFor(orders, orderLimit1m, now));
    }
    if (wait > 0) {
      return wait;
    }
    weight1m.add(weight, now);
    if (orders > 0) {
      orders10s.add(orders, now);
      orders1m.add(orders, now);
    }
    return 0;
  }

  /**
   * Corrects the counts upward from a reply's headers (absent or unparsable values are ignored).
   *
   * @param usedWeight1m {@code X-MBX-USED-WEIGHT-1M}
   * @param orderCount10s {@code X-MBX-ORDER-COUNT-10S}
   * @param orderCount1m {@code X-MBX-ORDER-COUNT-1M}
   */
  synchronized void onReplyHeaders(
      @Nullable String usedWeight1m,
      @Nullable String orderCount10s,
      @Nullable String orderCount1m) {
    long now = clock.getAsLong();
    raise(weight1m, usedWeight1m, now);
    raise(orders10s, orderCount10s, now);
    raise(orders1m, orderCount1m, now);
  }

  private static void raise(SlidingWindow window, @Nullable String header, long now) {
    if (header == null) {
      return;
    }
    try {
      long observed = Long.parseLong(header.trim());
      if (observed > 0) {
        window.raiseTo(observed, now);
      }
    } catch (NumberFormatException ignored) {
      // A malformed header carries no information; the local count stands.
    }
  }

  /** Holds every request back for {@code retryAfterMs} from now (HTTP 429). */
  synchronized void onRateLimited(long retryAfterMs) {
    long until = clock.getAsLong() + Math.max(0, retryAfterMs);
    blockedUntil = Math.max(blockedUntil, until);
  }

  /** Holds every request back until {@code untilMs} (epoch ms; HTTP 418 IP ban). */
  synchronized void onBanned(long untilMs) {
    bannedUntil = Math.max(bannedUntil, untilMs);
  }

  /** The current counts, limits and blocks. */
  synchronized Usage usage() {
    long now = clock.getAsLong();
    return new Usage(
        weight1m.used(now),
        weightLimit,
        orders10s.used(now),
        orderLimit10s,
        orders1m.used(now),
        orderLimit1m,
        blockedUntil > now ? blockedUntil : 0,
        bannedUntil > now ? bannedUntil : 0);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
