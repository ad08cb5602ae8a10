package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a grid bot strategy: a price range cut into lines, a fixed amount per line, a direction,
 * and optional trigger, stop-loss and take-profit prices.
 *
 * <pre>{@code
 * Strategy grid = Strategies.grid()
 *     .range(new BigDecimal("58000"), new BigDecimal("62000"))
 *     .count(21)                              // 21 lines, 200 apart
 *     .spacing(GridSpacing.ARITHMETIC)
 *     .direction(Direction.NEUTRAL)
 *     .amountPerGrid(new BigDecimal("0.002"))
 *     .stopLoss(new BigDecimal("57000"))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: arithmetic spacing, neutral, no trigger (active at once), no stop-loss or
 * take-profit. Range, count (>= 2) and amount are required. Lines are rounded to the tick and must
 * be at least one tick apart (checked when the bot starts). Each bound must lie outside the range:
 * one below it fires when the mid falls to it, one above when the mid rises to it.
 */
public final class GridBuilder {
  private @Nullable BigDecimal lower;
  private @Nullable BigDecimal upper;
  private int count;
  private GridSpacing spacing = GridSpacing.ARITHMETIC;
  private Direction direction = Direction.NEUTRAL;
  private @Nullable BigDecimal amount;
  private @Nullable BigDecimal trigger;
  private @Nullable BigDecimal stopLoss;
  private @Nullable BigDecimal takeProfit;

  GridBuilder() {}

  /** The lowest and highest line; {@code 0 < lower < upper}. Required. */
  public GridBuilder range(BigDecimal lower, BigDecimal upper) {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (lower.signum() <= 0 || lower.compareTo(upper) >= 0) {
      throw new IllegalArgumentException(
          "range needs 0 < lower < upper, was " + lower.toPlainString() + " .. " + upper);
    }
    this.lower = lower;
    this.upper = upper;
    return this;
  }

  /** The number of lines, both ends included (>= 2). Required. */
  public GridBuilder count(int count) {
    if (count < 2) {
      throw new IllegalArgumentException("count must be >= 2 lines, was " + count);
    }
    this.count = count;
    return this;
  }

  /** Arithmetic (default) or geometric spacing. */
  public GridBuilder spacing(GridSpacing spacing) {
    this.spacing = Objects.requireNonNull(spacing, "spacing");
    return this;
  }

  /** Long, short or neutral (default). */
  public GridBuilder direction(Direction direction) {
    this.direction = Objects.requireNonNull(direction, "direction");
    return this;
  }

  /** The base quantity of every grid order (> 0). Required. */
  public GridBuilder amountPerGrid(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("amountPerGrid must be > 0, was " + amount);
    }
    this.amount = amount;
    return this;
  }

  /** Nothing is quoted until the mid reaches this price (from either side). */
  public GridBuilder triggerPrice(BigDecimal price) {
    this.trigger = positive(price, "triggerPrice");
    return this;
  }

  /** Closes the position and stops when the mid reaches this price (outside the range). */
  public GridBuilder stopLoss(BigDecimal price) {
    this.stopLoss = positive(price, "stopLoss");
    return this;
  }

  /** Closes the position and stops when the mid reaches this price (outside the range). */
  public GridBuilder takeProfit(BigDecimal price) {
    this.takeProfit = positive(price, "takeProfit");
    return this;
  }

  /** Builds the strategy; fails when a required field is missing or a bound is inside the range. */
  public Strategy build() {
    BigDecimal lo = lower;
    BigDecimal hi = upper;
    if (lo == null || hi == null) {
      throw new IllegalStateException("range(lower, upper) is required");
    }
    if (count < 2) {
      throw new IllegalStateException("count(n >= 2) is required");
    }
    BigDecimal qty = amount;
    if (qty == null) {
      throw new IllegalStateException("amountPerGrid(amount) is required");
    }
    outside(stopLoss, lo, hi, "stopLoss");
    outside(takeProfit, lo, hi, "takeProfit");
    return new GridStrategy(lo, hi, count, spacing, direction, qty, trigger, stopLoss, takeProfit);
  }

  private static void outside(
      @Nullable BigDecimal bound, BigDecimal lo, BigDecimal hi, String name) {
    if (bound != null && bound.compareTo(lo) >= 0 && bound.compareTo(hi) <= 0) {
      throw new IllegalStateException(
          name + " " + bound.toPlainString() + " must lie outside the range " + lo + " .. " + hi);
    }
  }

  private static BigDecimal positive(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + v.toPlainString());
    }
    return v;
  }
}
