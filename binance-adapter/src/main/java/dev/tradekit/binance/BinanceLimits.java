package dev.tradekit.binance;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The request-weight and order-count limits of Binance USD-M, as one handle that several exchanges
 * sending from the same IP share, so that together they stay under the venue's limits.
 *
 * <pre>{@code
 * BinanceLimits limits = BinanceLimits.create();
 * BinanceConfig config = BinanceConfig.builder().sharedLimits(limits).build();
 * Exchange a = Exchanges.builder("binance-usdm").credentials(keyA)
 *     .extension(BinanceConfig.class, config).build();
 * Exchange b = Exchanges.builder("binance-usdm").credentials(keyB)
 *     .extension(BinanceConfig.class, config).build();
 * BinanceLimits.Usage usage = limits.usage(); // for a dashboard or a metric
 * }</pre>
 *
 * <p>The limits start at Binance's published values (2400 weight per minute, 300 orders per 10 s,
 * 1200 orders per minute), are replaced by what exchangeInfo reports, and the counts are corrected
 * upward from the {@code X-MBX-USED-WEIGHT-1M} and {@code X-MBX-ORDER-COUNT-*} reply headers.
 * Weight is counted per IP and orders per account: sharing one handle between accounts is
 * conservative for the order counts. Thread-safe.
 */
public final class BinanceLimits {
  private final RateLimiter limiter;
  private final LongSupplier clock;

  private BinanceLimits(LongSupplier clock) {
    this.clock = clock;
    this.limiter = new RateLimiter(clock);
  }

  /** A fresh set of limits on the system clock, with nothing used yet. */
  public static BinanceLimits create() {
    return new BinanceLimits(System::currentTimeMillis);
  }

  /** A fresh set of limits on {@code clock} (epoch ms), for tests. */
  static BinanceLimits create(LongSupplier clock) {
    return new BinanceLimits(Objects.requireNonNull(clock, "clock"));
  }

  RateLimiter limiter() {
    return limiter;
  }

  /** The limits' clock in epoch ms. */
  long now() {
    return clock.getAsLong();
  }

  /** The current counts, limits and blocks. */
  public Usage usage() {
    RateLimiter.Usage u = limiter.usage();
    return new Usage(
        u.usedWeight1m(),
        u.weightLimit1m(),
        u.orders10s(),
        u.orderLimit10s(),
        u.orders1m(),
        u.orderLimit1m(),
        u.blockedUntil(),
        u.bannedUntil());
  }

  @Override
  public String toString() {
    return "BinanceLimits" + usage();
  }

  /**
   * A snapshot of the limits for monitoring: what was used in the rolling windows, the limits, and
   * any back-off (after HTTP 429) or IP ban (HTTP 418) in force.
   *
   * <pre>{@code
   * BinanceLimits.Usage u = limits.usage();
   * double load = (double) u.usedWeight1m() / u.weightLimit1m();
   * if (u.isBanned()) alerts.raise("IP banned until " + Instant.ofEpochMilli(u.bannedUntil()));
   * }</pre>
   *
   * @param usedWeight1m request weight used in the last minute
   * @param weightLimit1m request weight allowed per minute
   * @param orders10s orders placed in the last 10 seconds
   * @param orderLimit10s orders allowed per 10 seconds
   * @param orders1m orders placed in the last minute
   * @param orderLimit1m orders allowed per minute
   * @param blockedUntil epoch ms until which a 429 back-off holds every request, 0 when none
   * @param bannedUntil epoch ms until which an IP ban holds every request, 0 when none
   */
  public record Usage(
      long usedWeight1m,
      int weightLimit1m,
      long orders10s,
      int orderLimit10s,
      long orders1m,
      int orderLimit1m,
      long blockedUntil,
      long bannedUntil) {

    /** Whether an IP ban is in force. */
    public boolean isBanned() {
      return bannedUntil > 0;
    }

    /** Whether a 429 back-off is in force. */
    public boolean isBackingOff() {
      return blockedUntil > 0;
    }
  }
}
