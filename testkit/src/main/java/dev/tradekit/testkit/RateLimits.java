package dev.tradekit.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The request-weight and order-count limits a {@link FakeBinance} enforces, and how it bans a
 * client that keeps going after HTTP 429s. Small limits make rate-limit tests quick.
 *
 * <pre>{@code
 * FakeBinance fake = FakeBinance.builder()
 *     .rateLimits(new RateLimits(20, 5, 10, 2, Duration.ofMinutes(2)))
 *     .start();
 * }</pre>
 *
 * @param weightPerMinute request weight per minute (Binance: 2400)
 * @param ordersPer10Seconds orders per 10 seconds per account (Binance: 300)
 * @param ordersPerMinute orders per minute per account (Binance: 1200)
 * @param rejectionsBeforeBan 429 replies tolerated in one minute before the next answer is a 418
 * @param banDuration how long a 418 ban lasts (Binance: 2 minutes up to 3 days)
 */
public record RateLimits(
    int weightPerMinute,
    int ordersPer10Seconds,
    int ordersPerMinute,
    int rejectionsBeforeBan,
    Duration banDuration) {

  /** Checks that every limit is positive. */
  public RateLimits {
    positive(weightPerMinute, "weightPerMinute");
    positive(ordersPer10Seconds, "ordersPer10Seconds");
    positive(ordersPerMinute, "ordersPerMinute");
    positive(rejectionsBeforeBan, "rejectionsBeforeBan");
    Objects.requireNonNull(banDuration, "banDuration");
    if (banDuration.isNegative() || banDuration.isZero()) {
      throw new IllegalArgumentException("banDuration must be positive, was " + banDuration);
    }
  }

  /** Binance USD-M's limits: 2400 weight/min, 300 orders/10 s, 1200 orders/min, 2 min bans. */
  public static RateLimits binance() {
    return new RateLimits(2400, 300, 1200, 3, Duration.ofMinutes(2));
  }

  private static void positive(int v, String name) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + v);
    }
  }
}
