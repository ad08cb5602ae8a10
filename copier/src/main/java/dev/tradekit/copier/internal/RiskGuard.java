package dev.tradekit.copier.internal;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A follower's loss limits: a daily loss against the equity at the start of the UTC day, and a
 * drawdown from the peak equity since the copier started.
 *
 * <pre>{@code
 * RiskGuard g = new RiskGuard(new BigDecimal("500"), new BigDecimal("0.2"));
 * String why = g.check(equity, scheduler.currentTimeMillis());   // null while within limits
 * }</pre>
 */
public final class RiskGuard {
  private static final long DAY = TimeUnit.DAYS.toMillis(1);

  private final @Nullable BigDecimal dailyLossLimit;
  private final @Nullable BigDecimal maxDrawdown;
  private long day = Long.MIN_VALUE;
  private @Nullable BigDecimal dayStart;
  private @Nullable BigDecimal peak;

  /** Limits; either may be {@code null} (not checked). */
  public RiskGuard(@Nullable BigDecimal dailyLossLimit, @Nullable BigDecimal maxDrawdown) {
    this.dailyLossLimit = dailyLossLimit;
    this.maxDrawdown = maxDrawdown;
  }

  /** Whether any limit is set (else equity need not be fetched). */
  public boolean active() {
    return dailyLossLimit != null || maxDrawdown != null;
  }

  /**
   * Records the equity seen at {@code nowMillis} and returns why the follower must pause, or {@code
   * null} while it is within its limits.
   */
  public @Nullable String check(BigDecimal equity, long nowMillis) {
    long today = Math.floorDiv(nowMillis, DAY);
    if (today != day || dayStart == null) {
      day = today;
      dayStart = equity;
    }
    if (peak == null || equity.compareTo(peak) > 0) {
      peak = equity;
    }
    if (dailyLossLimit != null) {
      BigDecimal loss = dayStart.subtract(equity);
      if (loss.compareTo(dailyLossLimit) >= 0) {
        return "daily loss "
            + Decimals.plain(loss)
            + " reached the limit "
            + Decimals.plain(dailyLossLimit)
            + " (equity "
            + Decimals.plain(equity)
            + ", day start "
            + Decimals.plain(dayStart)
            + ")";
      }
    }
    if (maxDrawdown != null && peak.signum() > 0) {
      BigDecimal floor = peak.multiply(BigDecimal.ONE.subtract(maxDrawdown));
      if (equity.compareTo(floor) <= 0) {
        return "drawdown from peak "
            + Decimals.plain(peak)
            + " to "
            + Decimals.plain(equity)
            + " reached the limit "
            + Decimals.plain(maxDrawdown);
      }
    }
    return null;
  }
}
