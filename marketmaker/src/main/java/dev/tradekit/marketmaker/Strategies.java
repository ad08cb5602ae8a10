package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The built-in strategies and the decorators that combine with them.
 *
 * <pre>{@code
 * Strategy s = Strategies.minimumSpread(
 *     Strategies.inventorySkew(Strategies.fixedSpread(), 0.0, 1.0),
 *     new BigDecimal("0.0005"));
 * MarketMaker.builder().strategy(s).parameters(QuoteParameters.of(spread, amount))...
 * }</pre>
 *
 * <p>Every strategy rounds buy prices down and sell prices up to the tick, and sizes down to the
 * step; levels whose size rounds to zero are left out. Strategies with state (Avellaneda, grid,
 * DCA, filled-order delay) belong to one bot: build one per bot.
 */
public final class Strategies {
  private Strategies() {}

  /**
   * Quotes {@code buy = mid·(1 − bidSpread)} and {@code sell = mid·(1 + askSpread)} for the order
   * amount of the engine's {@link QuoteParameters}; with {@code levels > 1} it is a ladder stepping
   * out by {@code levelSpread} and growing by {@code levelAmount} per level.
   */
  public static Strategy fixedSpread() {
    return new LadderStrategy();
  }

  /**
   * A ladder with its own levels, the same on both sides: level {@code i} at spread {@code
   * spreads[i]} (a fraction of the mid) for {@code amounts[i]}; the engine's parameters are not
   * used.
   */
  public static Strategy ladder(List<BigDecimal> spreads, List<BigDecimal> amounts) {
    Objects.requireNonNull(spreads, "spreads");
    Objects.requireNonNull(amounts, "amounts");
    return new LadderStrategy(spreads, amounts);
  }

  /**
   * Skews the sizes of {@code base} toward holding {@code targetBaseShare} of the equity in the
   * base asset (0 = flat, 0.5 = half long, −0.5 = half short): with {@code d = clamp((position −
   * target)/(rangeMultiplier·side amount), −1, 1)} buys are scaled by {@code 1 − d} and sells by
   * {@code 1 + d}.
   */
  public static Strategy inventorySkew(
      Strategy base, double targetBaseShare, double rangeMultiplier) {
    return new InventorySkew(base, targetBaseShare, rangeMultiplier);
  }

  /** An Avellaneda–Stoikov strategy; see {@link AvellanedaBuilder}. */
  public static AvellanedaBuilder avellaneda() {
    return new AvellanedaBuilder();
  }

  /** A grid bot; see {@link GridBuilder}. */
  public static GridBuilder grid() {
    return new GridBuilder();
  }

  /** A DCA bot; see {@link DcaBuilder}. */
  public static DcaBuilder dca() {
    return new DcaBuilder();
  }

  /**
   * Wants no orders while {@code paused} says so: the engine then cancels the resting quotes and
   * places none, while fills and trades still reach {@code base} (a grid's or DCA deal's state is
   * kept), and {@code base}'s stop reason is not asked. Read on the engine's thread.
   *
   * <p>{@code Strategies.pausable(Strategies.fixedSpread(), pausedFlag::get)}
   */
  public static Strategy pausable(Strategy base, BooleanSupplier paused) {
    return new PausableStrategy(base, paused);
  }

  /** Leaves out quotes closer to the mid than {@code minSpread} (a fraction of the mid). */
  public static Strategy minimumSpread(Strategy base, BigDecimal minSpread) {
    return new QuoteFilters.MinimumSpread(base, Objects.requireNonNull(minSpread, "minSpread"));
  }

  /**
   * Quotes only sells while the mid is above {@code ceiling} and only buys while it is below {@code
   * floor}; either may be null.
   */
  public static Strategy priceLimits(
      Strategy base, @Nullable BigDecimal ceiling, @Nullable BigDecimal floor) {
    return new QuoteFilters.PriceLimits(base, ceiling, floor);
  }

  /**
   * After a fill, keeps the resting orders as they are and places nothing new for {@code delay}.
   */
  public static Strategy filledOrderDelay(Strategy base, Duration delay) {
    return new QuoteFilters.FilledOrderDelay(
        base, Objects.requireNonNull(delay, "delay").toMillis());
  }

  /**
   * Moves every quote out by the fee ({@code buy·(1 − fee)}, {@code sell·(1 + fee)}), so a round
   * trip at the quotes keeps the spread after fees.
   */
  public static Strategy feeAdjusted(Strategy base, BigDecimal fee) {
    return new QuoteFilters.FeeAdjusted(base, Objects.requireNonNull(fee, "fee"));
  }
}
