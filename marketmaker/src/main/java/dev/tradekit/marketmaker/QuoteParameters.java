package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The quoting parameters a host may change while the bot runs: spreads around the mid, order
 * amount, and the shape of a ladder (levels, extra spread and extra amount per level).
 *
 * <pre>{@code
 * QuoteParameters p = QuoteParameters.of(new BigDecimal("0.001"), new BigDecimal("0.002"))
 *     .withLevels(3, new BigDecimal("0.0005"), new BigDecimal("0.001"));
 * marketMaker.updateParameters(p.withSpread(new BigDecimal("0.0015")));
 * }</pre>
 *
 * <p>Spreads are fractions of the mid ({@code 0.001} = 10 bps). Level {@code i} (0 = innermost) of
 * the bid side is priced {@code mid·(1 − bidSpread − i·levelSpread)} for {@code orderAmount +
 * i·levelAmount}; the ask side mirrors it. Strategies that compute their own spread (Avellaneda,
 * grid, DCA) use only what their Javadoc says.
 *
 * @param bidSpread distance of the innermost bid below the mid, as a fraction (>= 0)
 * @param askSpread distance of the innermost ask above the mid, as a fraction (>= 0)
 * @param orderAmount base quantity of the innermost order (> 0)
 * @param levels orders per side (>= 1)
 * @param levelSpread extra distance per level, as a fraction (>= 0)
 * @param levelAmount extra base quantity per level (>= 0)
 */
public record QuoteParameters(
    BigDecimal bidSpread,
    BigDecimal askSpread,
    BigDecimal orderAmount,
    int levels,
    BigDecimal levelSpread,
    BigDecimal levelAmount) {

  /** Checks every bound listed on the type. */
  public QuoteParameters {
    nonNegative(bidSpread, "bidSpread");
    nonNegative(askSpread, "askSpread");
    nonNegative(levelSpread, "levelSpread");
    nonNegative(levelAmount, "levelAmount");
    Objects.requireNonNull(orderAmount, "orderAmount");
    if (orderAmount.signum() <= 0) {
      throw new IllegalArgumentException(
          "orderAmount must be > 0 but was " + orderAmount.toPlainString());
    }
    if (bidSpread.compareTo(BigDecimal.ONE) >= 0 || askSpread.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "spreads are fractions of the mid and must be < 1, were " + bidSpread + "/" + askSpread);
    }
    if (levels < 1) {
      throw new IllegalArgumentException("levels must be >= 1 but was " + levels);
    }
  }

  /** One level a side at the same spread on both sides. */
  public static QuoteParameters of(BigDecimal spread, BigDecimal orderAmount) {
    return new QuoteParameters(spread, spread, orderAmount, 1, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** These parameters with the same spread on both sides. */
  public QuoteParameters withSpread(BigDecimal spread) {
    return new QuoteParameters(spread, spread, orderAmount, levels, levelSpread, levelAmount);
  }

  /** These parameters with separate bid and ask spreads. */
  public QuoteParameters withSpreads(BigDecimal bid, BigDecimal ask) {
    return new QuoteParameters(bid, ask, orderAmount, levels, levelSpread, levelAmount);
  }

  /** These parameters with another innermost order amount. */
  public QuoteParameters withOrderAmount(BigDecimal amount) {
    return new QuoteParameters(bidSpread, askSpread, amount, levels, levelSpread, levelAmount);
  }

  /** These parameters with another ladder shape. */
  public QuoteParameters withLevels(int count, BigDecimal spreadStep, BigDecimal amountStep) {
    return new QuoteParameters(bidSpread, askSpread, orderAmount, count, spreadStep, amountStep);
  }

  /** {@code orderAmount + level·levelAmount}. */
  public BigDecimal amountAt(int level) {
    return orderAmount.add(levelAmount.multiply(BigDecimal.valueOf(level)));
  }

  /** The summed amount of every level of one side. */
  public BigDecimal sideAmount() {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < levels; i++) {
      sum = sum.add(amountAt(i));
    }
    return sum;
  }

  private static void nonNegative(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + v.toPlainString());
    }
  }
}
