package dev.tradekit.copier.internal;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A follower's loss limits: a daily loss against the equity at the start of the UTC day, and a
 * drawdown from the peak equity since the follower's first check on its journal. The day, the day's
 * start equity, the peak and a risk pause in force are its {@link RiskState}, which the engine
 * stores in the journal whenever it changes and restores when a copier starts on the same journal.
 * Days are counted on the time passed in (the scheduler's), never the wall clock.
 *
 * <pre>{@code
 * RiskGuard g = new RiskGuard(new BigDecimal("500"), new BigDecimal("0.2"));
 * store.riskState("alice").ifPresent(g::restore);
 * String why = g.check(equity, scheduler.currentTimeMillis());   // null while within limits
 * if (g.takeChanged()) { store.saveRiskState("alice", g.state()); }
 * }</pre>
 */
public final class RiskGuard {
  private static final long DAY = TimeUnit.DAYS.toMillis(1);

  private final @Nullable BigDecimal dailyLossLimit;
  private final @Nullable BigDecimal maxDrawdown;
  private long day = Long.MIN_VALUE;
  private @Nullable BigDecimal dayStart;
  private @Nullable BigDecimal peak;
  private @Nullable String tripped;
  private boolean changed;

  /** Limits; either may be {@code null} (not checked). */
  public RiskGuard(@Nullable BigDecimal dailyLossLimit, @Nullable BigDecimal maxDrawdown) {
    this.dailyLossLimit = dailyLossLimit;
    this.maxDrawdown = maxDrawdown;
  }

  /** Whether any limit is set (else equity need not be fetched). */
  public boolean active() {
    return dailyLossLimit != null || maxDrawdown != null;
  }

  /** Takes over a stored state (after a restart); the changed flag is cleared. */
  public void restore(RiskState state) {
    day = state.day();
    dayStart = state.dayStart();
    peak = state.peak();
    tripped = state.pausedReason();
    changed = false;
  }

  /** The state to store: day, day start, peak and the risk pause in force. */
  public RiskState state() {
    return new RiskState(day, dayStart, peak, tripped);
  }

  /** Whether the state changed since the last call (or {@link #restore}); clears the flag. */
  public boolean takeChanged() {
    boolean c = changed;
    changed = false;
    return c;
  }

  /** Why a limit paused the follower, or {@code null} when no risk pause is in force. */
  public @Nullable String tripped() {
    return tripped;
  }

  /** Lifts the risk pause (the follower was resumed explicitly); the peak and day stay. */
  public void clearTrip() {
    if (tripped != null) {
      tripped = null;
      changed = true;
    }
  }

  /**
   * Records the equity seen at {@code nowMillis} and returns why the follower must pause, or {@code
   * null} while it is within its limits. A reason is also kept as {@link #tripped()} until {@link
   * #clearTrip()}.
   */
  public @Nullable String check(BigDecimal equity, long nowMillis) {
    String why = limitReached(equity, nowMillis);
    if (why != null) {
      tripped = why;
      changed = true;
    }
    return why;
  }

  private @Nullable String limitReached(BigDecimal equity, long nowMillis) {
    long today = Math.floorDiv(nowMillis, DAY);
    if (today != day || dayStart == null) {
      day = today;
      dayStart = equity;
      changed = true;
    }
    if (peak == null || equity.compareTo(peak) > 0) {
      peak = equity;
      changed = true;
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
