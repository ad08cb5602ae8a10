package dev.tradekit.copier.internal;

import dev.tradekit.copier.CopyRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic of exact target positions: how a leader fill moves a target, and the lot-rounded
 * position a target asks for.
 *
 * <pre>{@code
 * BigDecimal t = Targets.scaled(new BigDecimal("0.5"), new BigDecimal("0.637"), BigDecimal.ONE);
 * Targets.onLot(t, new BigDecimal("0.001"));   // 0.318: toward zero, never above the ratio
 * }</pre>
 *
 * <p>Targets are kept to {@value #SCALE} decimal places, far below any venue's lot. A target that
 * sits within a billionth of a lot below a lot boundary counts as on it, so that a decimal division
 * artefact (0.299999… for 0.3) never costs a lot.
 */
public final class Targets {
  /** Decimal places a stored target keeps. */
  public static final int SCALE = 18;

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal NEAR = new BigDecimal("1E-9");

  private Targets() {}

  /** {@code target} rounded half-even to {@value #SCALE} places, without trailing zeros. */
  public static BigDecimal normalize(BigDecimal target) {
    return plain(target.setScale(SCALE, RoundingMode.HALF_EVEN));
  }

  /** {@code v} without trailing zeros and never with a negative scale (10, not 1E+1). */
  static BigDecimal plain(BigDecimal v) {
    if (v.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /**
   * The target after the leader's position in the slot went from {@code before} to {@code after}
   * (same sign, smaller): scaled by the leader's exact fraction {@code |after| / |before|}.
   */
  public static BigDecimal scaled(BigDecimal target, BigDecimal after, BigDecimal before) {
    if (before.signum() == 0) {
      throw new IllegalArgumentException("the leader's position before a reduction is zero");
    }
    // multiply before dividing: a share that lands on the lot stays exact
    return normalize(target.multiply(after.abs()).divide(before.abs(), MC));
  }

  /**
   * The position a follower should hold for {@code target}: rounded toward zero to a whole multiple
   * of {@code step}, so the exposure never exceeds the target (a zero step keeps it).
   */
  public static BigDecimal onLot(BigDecimal target, BigDecimal step) {
    if (step.signum() == 0 || target.signum() == 0) {
      return target;
    }
    BigDecimal lots = target.abs().add(step.multiply(NEAR)).divide(step, 0, RoundingMode.DOWN);
    BigDecimal held = plain(lots.multiply(step));
    return target.signum() < 0 ? held.negate() : held;
  }

  /**
   * The target after {@code done} reached its final status: a sized copy that executed less than it
   * asked for ({@code FAILED}, an unfilled IOC, a partial fill) takes the shortfall out of the
   * target, so a later copy never catches up a trade the follower did not make.
   */
  public static BigDecimal afterCompletion(BigDecimal target, CopyRecord done) {
    BigDecimal asked = done.quantity();
    if (asked == null) {
      return target;
    }
    BigDecimal shortfall = asked.subtract(done.executedQuantity());
    if (shortfall.signum() <= 0) {
      return target;
    }
    BigDecimal signed =
        done.side() == dev.tradekit.api.model.Side.BUY ? shortfall : shortfall.negate();
    return normalize(target.subtract(signed));
  }
}
