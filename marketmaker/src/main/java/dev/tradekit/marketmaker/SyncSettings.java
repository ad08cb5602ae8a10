package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the engine keeps the venue's orders equal to the targets: tolerances below which a resting
 * order is left alone, how often it requotes, and the safety timers.
 *
 * <pre>{@code
 * SyncSettings sync = SyncSettings.builder()
 *     .priceToleranceTicks(2)                       // keep an order within 2 ticks of its target
 *     .sizeTolerance(new BigDecimal("0.10"))        // ... and within 10 % of its size
 *     .minRequoteInterval(Duration.ofMillis(250))
 *     .refreshInterval(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 *
 * @param priceToleranceTicks a resting order within this many ticks of a target is kept
 * @param sizeTolerance a resting order whose remaining size is within this fraction of the target's
 *     is kept
 * @param minRequoteInterval the least time between two quoting cycles triggered by book changes
 * @param refreshInterval the fallback timer: reconcile with the venue and requote this often
 * @param maxOrderAge an order older than this is replaced even when it matches, null for never
 * @param postOnly whether limit orders are sent post-only (GTX), so they never take liquidity
 * @param deadManSwitch the venue-side countdown armed (and re-armed every third of it) where
 *     supported, null to not use it
 * @param pollInterval non-null selects the simple mode: no streams, a loop that fetches the book,
 *     the account and the open orders every interval and requotes
 * @param maxOrdersPerMinute placements and amendments allowed in any minute (0 = no limit); when
 *     the budget is spent only cancels are sent until it frees up
 */
public record SyncSettings(
    long priceToleranceTicks,
    BigDecimal sizeTolerance,
    Duration minRequoteInterval,
    Duration refreshInterval,
    @Nullable Duration maxOrderAge,
    boolean postOnly,
    @Nullable Duration deadManSwitch,
    @Nullable Duration pollInterval,
    int maxOrdersPerMinute) {

  /** Checks the bounds of every setting. */
  public SyncSettings {
    if (maxOrdersPerMinute < 0) {
      throw new IllegalArgumentException(
          "maxOrdersPerMinute must be >= 0 (0 = no limit), was " + maxOrdersPerMinute);
    }
    if (priceToleranceTicks < 0) {
      throw new IllegalArgumentException(
          "priceToleranceTicks must be >= 0, was " + priceToleranceTicks);
    }
    Objects.requireNonNull(sizeTolerance, "sizeTolerance");
    if (sizeTolerance.signum() < 0 || sizeTolerance.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("sizeTolerance must be in [0, 1), was " + sizeTolerance);
    }
    nonNegative(minRequoteInterval, "minRequoteInterval");
    positive(refreshInterval, "refreshInterval");
    if (maxOrderAge != null) {
      positive(maxOrderAge, "maxOrderAge");
    }
    if (deadManSwitch != null && deadManSwitch.toMillis() < 3_000) {
      throw new IllegalArgumentException(
          "deadManSwitch must be >= 3 s so that re-arming every third of it is possible, was "
              + deadManSwitch);
    }
    if (pollInterval != null) {
      positive(pollInterval, "pollInterval");
    }
  }

  /** Settings with the defaults of {@link Builder}. */
  public static SyncSettings defaults() {
    return builder().build();
  }

  /** A builder with the defaults listed on it. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the simple polling mode is selected. */
  public boolean polling() {
    return pollInterval != null;
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + d);
    }
  }

  private static void nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + d);
    }
  }

  /**
   * A builder of {@link SyncSettings}. Defaults: price tolerance 0 ticks, size tolerance 0.1, min
   * requote interval 500 ms, refresh interval 10 s, no max order age, post-only, dead-man switch 60
   * s, streaming mode.
   */
  public static final class Builder {
    private long priceToleranceTicks;
    private BigDecimal sizeTolerance = new BigDecimal("0.1");
    private Duration minRequoteInterval = Duration.ofMillis(500);
    private Duration refreshInterval = Duration.ofSeconds(10);
    private @Nullable Duration maxOrderAge;
    private boolean postOnly = true;
    private @Nullable Duration deadManSwitch = Duration.ofSeconds(60);
    private @Nullable Duration pollInterval;
    private int maxOrdersPerMinute = 300;

    private Builder() {}

    /** Keep a resting order within this many ticks of its target (default 0). */
    public Builder priceToleranceTicks(long ticks) {
      priceToleranceTicks = ticks;
      return this;
    }

    /** Keep a resting order within this fraction of its target's size (default 0.1). */
    public Builder sizeTolerance(BigDecimal fraction) {
      sizeTolerance = Objects.requireNonNull(fraction, "sizeTolerance");
      return this;
    }

    /** The least time between two cycles triggered by book changes (default 500 ms). */
    public Builder minRequoteInterval(Duration d) {
      minRequoteInterval = Objects.requireNonNull(d, "minRequoteInterval");
      return this;
    }

    /** The fallback reconcile-and-requote timer (default 10 s). */
    public Builder refreshInterval(Duration d) {
      refreshInterval = Objects.requireNonNull(d, "refreshInterval");
      return this;
    }

    /** Replace orders older than this even when they match (default never). */
    public Builder maxOrderAge(@Nullable Duration d) {
      maxOrderAge = d;
      return this;
    }

    /** Send limit orders post-only (default true). */
    public Builder postOnly(boolean v) {
      postOnly = v;
      return this;
    }

    /** The venue-side countdown, or null to not arm one (default 60 s). */
    public Builder deadManSwitch(@Nullable Duration d) {
      deadManSwitch = d;
      return this;
    }

    /** Select the simple polling mode with this loop interval (default: streaming). */
    public Builder pollInterval(@Nullable Duration d) {
      pollInterval = d;
      return this;
    }

    /** Placements and amendments allowed in any minute, 0 for no limit (default 300). */
    public Builder maxOrdersPerMinute(int n) {
      maxOrdersPerMinute = n;
      return this;
    }

    /** Builds and validates the settings. */
    public SyncSettings build() {
      return new SyncSettings(
          priceToleranceTicks,
          sizeTolerance,
          minRequoteInterval,
          refreshInterval,
          maxOrderAge,
          postOnly,
          deadManSwitch,
          pollInterval,
          maxOrdersPerMinute);
    }
  }
}
