package dev.tradekit.copier;

import dev.tradekit.api.model.MarginType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How and when a follower's copies are sent and when the follower is paused; built by {@link
 * CopyPolicy#settings} steps starting from {@link #DEFAULTS}.
 *
 * <pre>{@code
 * FollowerSettings s = CopyPolicies.slippageCap(new BigDecimal("0.002"))
 *     .andThen(CopyPolicies.fixedLeverage(5))
 *     .settings(FollowerSettings.DEFAULTS);
 * }</pre>
 *
 * @param aggregationWindow {@link Duration#ZERO} copies each leader fill on its own; a positive
 *     window waits that long after the first fill of a leader order and copies all of that order's
 *     fills seen by then as one follower order
 * @param delay how long to wait after detecting a leader fill before copying it
 * @param maxSlippage {@code null} opens at market; a fraction (e.g. 0.002 = 0.2 %) opens with an
 *     IOC limit at the leader price plus (buys) or minus (sells) that fraction; closes always go at
 *     market
 * @param fixedLeverage the leverage to set on each symbol before the first copy, or {@code null}
 * @param mirrorLeverage set the follower's leverage to the leader's before opening a position
 * @param dailyLossLimit pause the follower once its equity falls this much (quote asset) below its
 *     equity at the start of the UTC day (scheduler time; kept in the journal across restarts);
 *     {@code null} for no limit
 * @param maxDrawdown pause the follower once its equity falls this fraction (e.g. 0.2) below its
 *     peak since its first check on the journal (kept there across restarts); {@code null} for no
 *     limit
 * @param reopenOnFlip on a leader flip, open the other side after closing ({@code true}) or only
 *     close ({@code false})
 * @param fixedMarginType the margin type to set on each symbol before the first opening copy, or
 *     {@code null}
 * @param mirrorMarginType set the follower's margin type to the leader's before opening a position
 */
public record FollowerSettings(
    Duration aggregationWindow,
    Duration delay,
    @Nullable BigDecimal maxSlippage,
    @Nullable Integer fixedLeverage,
    boolean mirrorLeverage,
    @Nullable BigDecimal dailyLossLimit,
    @Nullable BigDecimal maxDrawdown,
    boolean reopenOnFlip,
    @Nullable MarginType fixedMarginType,
    boolean mirrorMarginType) {

  /**
   * No aggregation, no delay, market opens, leverage and margin type untouched, no loss limits,
   * reopen on flips.
   */
  public static final FollowerSettings DEFAULTS =
      new FollowerSettings(
          Duration.ZERO, Duration.ZERO, null, null, false, null, null, true, null, false);

  /** Checks every component; the message names the wrong one. */
  public FollowerSettings {
    nonNegative(aggregationWindow, "aggregationWindow");
    nonNegative(delay, "delay");
    if (maxSlippage != null
        && (maxSlippage.signum() <= 0 || maxSlippage.compareTo(BigDecimal.ONE) >= 0)) {
      throw new IllegalArgumentException(
          "maxSlippage must be a fraction in (0, 1), e.g. 0.002 for 0.2 %, but was "
              + maxSlippage.toPlainString());
    }
    if (fixedLeverage != null && fixedLeverage < 1) {
      throw new IllegalArgumentException("fixedLeverage must be >= 1 but was " + fixedLeverage);
    }
    if (fixedLeverage != null && mirrorLeverage) {
      throw new IllegalArgumentException(
          "fixedLeverage and mirrorLeverage exclude each other: choose one");
    }
    if (fixedMarginType != null && mirrorMarginType) {
      throw new IllegalArgumentException(
          "fixedMarginType and mirrorMarginType exclude each other: choose one");
    }
    if (dailyLossLimit != null && dailyLossLimit.signum() <= 0) {
      throw new IllegalArgumentException(
          "dailyLossLimit must be > 0 (an amount of the quote asset) but was "
              + dailyLossLimit.toPlainString());
    }
    if (maxDrawdown != null
        && (maxDrawdown.signum() <= 0 || maxDrawdown.compareTo(BigDecimal.ONE) >= 0)) {
      throw new IllegalArgumentException(
          "maxDrawdown must be a fraction in (0, 1), e.g. 0.2 for 20 %, but was "
              + maxDrawdown.toPlainString());
    }
  }

  private static void nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + d);
    }
  }

  /** With another aggregation window. */
  public FollowerSettings withAggregationWindow(Duration v) {
    return new FollowerSettings(
        v,
        delay,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With another delay. */
  public FollowerSettings withDelay(Duration v) {
    return new FollowerSettings(
        aggregationWindow,
        v,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With another slippage cap ({@code null} for market opens). */
  public FollowerSettings withMaxSlippage(@Nullable BigDecimal v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        v,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With a fixed leverage ({@code null} for none); clears mirroring. */
  public FollowerSettings withFixedLeverage(@Nullable Integer v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        v,
        false,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With leverage mirrored from the leader (or not); clears a fixed leverage when true. */
  public FollowerSettings withMirrorLeverage(boolean v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        v ? null : fixedLeverage,
        v,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With another daily loss limit ({@code null} for none). */
  public FollowerSettings withDailyLossLimit(@Nullable BigDecimal v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        v,
        maxDrawdown,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With another maximum drawdown ({@code null} for none). */
  public FollowerSettings withMaxDrawdown(@Nullable BigDecimal v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        v,
        reopenOnFlip,
        fixedMarginType,
        mirrorMarginType);
  }

  /** With a fixed margin type ({@code null} for none); clears mirroring. */
  public FollowerSettings withFixedMarginType(@Nullable MarginType v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        v,
        false);
  }

  /** With the margin type mirrored from the leader (or not); clears a fixed type when true. */
  public FollowerSettings withMirrorMarginType(boolean v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        maxDrawdown,
        reopenOnFlip,
        v ? null : fixedMarginType,
        v);
  }

  /** With flips reopening the other side (or only closing). */
  public FollowerSettings withReopenOnFlip(boolean v) {
    return new FollowerSettings(
        aggregationWindow,
        delay,
        maxSlippage,
        fixedLeverage,
        mirrorLeverage,
        dailyLossLimit,
        maxDrawdown,
        v,
        fixedMarginType,
        mirrorMarginType);
  }
}
