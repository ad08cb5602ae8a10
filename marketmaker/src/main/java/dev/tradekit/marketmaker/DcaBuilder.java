package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a DCA bot strategy: a market base order opens a deal, safety orders average the entry down
 * (long) or up (short), a take-profit (optionally trailing) or a stop-loss ends the deal, and a
 * cooldown separates deals.
 *
 * <pre>{@code
 * Strategy dca = Strategies.dca()
 *     .direction(Direction.LONG)
 *     .baseOrder(new BigDecimal("0.010"))
 *     .safetyOrder(new BigDecimal("0.020"))
 *     .priceDeviation(new BigDecimal("0.01"))   // first safety order 1 % below the start
 *     .stepScale(new BigDecimal("2"))           // then 3 %, 7 % ...
 *     .volumeScale(new BigDecimal("1.5"))       // 0.020, 0.030, 0.045 ...
 *     .maxSafetyOrders(3)
 *     .takeProfit(new BigDecimal("0.015"))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: long; step scale 1; volume scale 1; no trailing; no stop-loss; no cooldown. Base
 * order, safety order, price deviation, max safety orders and take profit are required. Fractions
 * are of the price ({@code 0.01} = 1 %).
 */
public final class DcaBuilder {
  private Direction direction = Direction.LONG;
  private @Nullable BigDecimal baseOrder;
  private @Nullable BigDecimal safetyOrder;
  private @Nullable BigDecimal deviation;
  private BigDecimal stepScale = BigDecimal.ONE;
  private BigDecimal volumeScale = BigDecimal.ONE;
  private int maxSafetyOrders = -1;
  private @Nullable BigDecimal takeProfit;
  private @Nullable BigDecimal trailing;
  private @Nullable BigDecimal stopLoss;
  private long cooldownMillis;

  DcaBuilder() {}

  /** {@link Direction#LONG} (default) or {@link Direction#SHORT}. */
  public DcaBuilder direction(Direction direction) {
    Objects.requireNonNull(direction, "direction");
    if (direction == Direction.NEUTRAL) {
      throw new IllegalArgumentException("a DCA bot is LONG or SHORT, not NEUTRAL");
    }
    this.direction = direction;
    return this;
  }

  /** Base quantity of the market order that opens a deal (> 0). Required. */
  public DcaBuilder baseOrder(BigDecimal quantity) {
    this.baseOrder = positive(quantity, "baseOrder");
    return this;
  }

  /** Base quantity of the first safety order (> 0). Required. */
  public DcaBuilder safetyOrder(BigDecimal quantity) {
    this.safetyOrder = positive(quantity, "safetyOrder");
    return this;
  }

  /** Distance of the first safety order from the start price, a fraction in (0, 1). Required. */
  public DcaBuilder priceDeviation(BigDecimal fraction) {
    this.deviation = fraction(fraction, "priceDeviation");
    return this;
  }

  /** Multiplier of each next safety order's extra deviation (> 0; default 1). */
  public DcaBuilder stepScale(BigDecimal scale) {
    this.stepScale = positive(scale, "stepScale");
    return this;
  }

  /** Multiplier of each next safety order's quantity (> 0; default 1). */
  public DcaBuilder volumeScale(BigDecimal scale) {
    this.volumeScale = positive(scale, "volumeScale");
    return this;
  }

  /** How many safety orders a deal may use (>= 0). Required. */
  public DcaBuilder maxSafetyOrders(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("maxSafetyOrders must be >= 0, was " + count);
    }
    this.maxSafetyOrders = count;
    return this;
  }

  /** Take profit at this distance from the average entry, a fraction in (0, 1). Required. */
  public DcaBuilder takeProfit(BigDecimal fraction) {
    this.takeProfit = fraction(fraction, "takeProfit");
    return this;
  }

  /**
   * Trail the take profit: once the mid passes it, close at market when the mid retraces this
   * fraction from its best since.
   */
  public DcaBuilder trailingDeviation(BigDecimal fraction) {
    this.trailing = fraction(fraction, "trailingDeviation");
    return this;
  }

  /** Close at market when the mid is this fraction past the average entry against the deal. */
  public DcaBuilder stopLoss(BigDecimal fraction) {
    this.stopLoss = fraction(fraction, "stopLoss");
    return this;
  }

  /** Wait this long after a deal ends before opening the next (default 0). */
  public DcaBuilder cooldown(Duration cooldown) {
    Objects.requireNonNull(cooldown, "cooldown");
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must not be negative, was " + cooldown);
    }
    this.cooldownMillis = cooldown.toMillis();
    return this;
  }

  /** Builds the strategy; fails when a required field is missing. */
  public Strategy build() {
    BigDecimal base = require(baseOrder, "baseOrder");
    BigDecimal safety = require(safetyOrder, "safetyOrder");
    BigDecimal dev = require(deviation, "priceDeviation");
    BigDecimal tp = require(takeProfit, "takeProfit");
    if (maxSafetyOrders < 0) {
      throw new IllegalStateException("maxSafetyOrders(n >= 0) is required");
    }
    return new DcaStrategy(
        new DcaStrategy.Config(
            direction,
            base,
            safety,
            dev,
            stepScale,
            volumeScale,
            maxSafetyOrders,
            tp,
            trailing,
            stopLoss,
            cooldownMillis));
  }

  private static BigDecimal require(@Nullable BigDecimal v, String name) {
    if (v == null) {
      throw new IllegalStateException(name + "(...) is required");
    }
    return v;
  }

  private static BigDecimal positive(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + v.toPlainString());
    }
    return v;
  }

  private static BigDecimal fraction(BigDecimal v, String name) {
    positive(v, name);
    if (v.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          name + " is a fraction and must be < 1, was " + v.toPlainString());
    }
    return v;
  }
}
