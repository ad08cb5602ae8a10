package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Exact snapping of positive decimals onto a grid {@code origin + k * step}. */
final class DecimalGrid {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private DecimalGrid() {}

  /** True when {@code value - origin} is an exact multiple of {@code step} (step > 0). */
  static boolean isOnGrid(BigDecimal value, BigDecimal origin, BigDecimal step) {
    int scale = Math.max(value.scale(), Math.max(origin.scale(), step.scale()));
    if (scale <= MAX_SCALE) {
      try {
        long st = scaled(step, scale);
        return Math.floorMod(Math.subtractExact(scaled(value, scale), scaled(origin, scale)), st)
            == 0;
      } catch (ArithmeticException overflow) {
        // falls through to the decimal arithmetic
      }
    }
    return value.subtract(origin).remainder(step).signum() == 0;
  }

  /**
   * The grid point chosen by {@code mode}, normalized (no trailing zeros, scale >= 0). Values are
   * prices and quantities, which are positive, so {@code DOWN} acts as {@code FLOOR} and {@code UP}
   * as {@code CEILING} even below the origin; half modes break ties upwards ({@code HALF_UP}),
   * downwards ({@code HALF_DOWN}) or to an even grid index ({@code HALF_EVEN}).
   *
   * @throws ArithmeticException for {@code UNNECESSARY} when the value is off the grid
   */
  static BigDecimal snap(BigDecimal value, BigDecimal origin, BigDecimal step, RoundingMode mode) {
    BigDecimal fast = snapInLongs(value, origin, step, mode);
    return fast != null ? fast : snapInDecimals(value, origin, step, mode);
  }

  /** {@link #snap} in {@code BigDecimal} arithmetic, for any scale and size. */
  static BigDecimal snapInDecimals(
      BigDecimal value, BigDecimal origin, BigDecimal step, RoundingMode mode) {
    BigDecimal[] qr = value.subtract(origin).divideAndRemainder(step);
    BigInteger floorIndex = qr[0].toBigInteger();
    BigDecimal rest = qr[1];
    if (rest.signum() < 0) {
      floorIndex = floorIndex.subtract(BigInteger.ONE);
      rest = rest.add(step);
    }
    BigInteger index = rest.signum() == 0 ? floorIndex : pick(floorIndex, rest, step, mode, value);
    return Checks.normalize(origin.add(step.multiply(new BigDecimal(index))));
  }

  /**
   * {@link #snap} in {@code long} arithmetic at the largest of the three scales, for the usual case
   * of prices and quantities with few digits (one result object instead of the ~15 of the decimal
   * division); null when a scale or product does not fit, or when {@code UNNECESSARY} must throw.
   */
  private static @Nullable BigDecimal snapInLongs(
      BigDecimal value, BigDecimal origin, BigDecimal step, RoundingMode mode) {
    int scale = Math.max(value.scale(), Math.max(origin.scale(), step.scale()));
    if (scale > MAX_SCALE) {
      return null;
    }
    try {
      long v = scaled(value, scale);
      long o = scaled(origin, scale);
      long st = scaled(step, scale);
      long d = Math.subtractExact(v, o);
      long floorIndex = Math.floorDiv(d, st);
      long rest = Math.floorMod(d, st);
      long index = floorIndex;
      if (rest != 0) {
        if (mode == RoundingMode.UNNECESSARY) {
          return null;
        }
        index = pickInLongs(floorIndex, Long.compare(Math.multiplyExact(rest, 2), st), mode);
      }
      long point = Math.addExact(o, Math.multiplyExact(st, index));
      while (scale > 0 && point % 10 == 0) {
        point /= 10;
        scale--;
      }
      return point == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(point, scale);
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private static final int MAX_SCALE = 18;

  /** {@code x} times {@code 10^(scale - x.scale())} as a long; throws when it does not fit. */
  private static long scaled(BigDecimal x, int scale) {
    if (x.scale() < 0) {
      throw new ArithmeticException("negative scale");
    }
    BigInteger unscaled = x.unscaledValue();
    if (unscaled.bitLength() > 62) {
      throw new ArithmeticException("does not fit");
    }
    long u = unscaled.longValue();
    for (int i = x.scale(); i < scale; i++) {
      u = Math.multiplyExact(u, 10L);
    }
    return u;
  }

  /** {@link #pick} for a grid index in a long; {@code half} compares twice the rest to the step. */
  private static long pickInLongs(long floorIndex, int half, RoundingMode mode) {
    return roundsUp(half, mode, (floorIndex & 1) != 0) ? floorIndex + 1 : floorIndex;
  }

  /**
   * Whether an off-grid value goes to the upper grid point; {@code half} compares twice its
   * distance to the lower point with the step. Not for {@code UNNECESSARY}.
   */
  private static boolean roundsUp(int half, RoundingMode mode, boolean lowerIndexOdd) {
    switch (mode) {
      case FLOOR:
      case DOWN:
        return false;
      case CEILING:
      case UP:
        return true;
      case HALF_UP:
        return half >= 0;
      case HALF_DOWN:
        return half > 0;
      case HALF_EVEN:
      default:
        return half != 0 ? half > 0 : lowerIndexOdd;
    }
  }

  private static BigInteger pick(
      BigInteger floorIndex,
      BigDecimal rest,
      BigDecimal step,
      RoundingMode mode,
      BigDecimal value) {
    if (mode == RoundingMode.UNNECESSARY) {
      throw new ArithmeticException(
          Checks.plain(value)
              + " is not on the grid of step "
              + Checks.plain(step)
              + " and rounding mode UNNECESSARY forbids rounding");
    }
    int half = rest.multiply(TWO).compareTo(step);
    BigInteger ceilIndex = floorIndex.add(BigInteger.ONE);
    return roundsUp(half, mode, floorIndex.testBit(0)) ? ceilIndex : floorIndex;
  }
}
