package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Exact snapping of positive decimals onto a grid {@code origin + k * step}. */
final class DecimalGrid {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private DecimalGrid() {}

  /** True when {@code value - origin} is an exact multiple of {@code step} (step > 0). */
  static boolean isOnGrid(BigDecimal value, BigDecimal origin, BigDecimal step) {
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

  private static BigInteger pick(
      BigInteger floorIndex,
      BigDecimal rest,
      BigDecimal step,
      RoundingMode mode,
      BigDecimal value) {
    BigInteger ceilIndex = floorIndex.add(BigInteger.ONE);
    int half = rest.multiply(TWO).compareTo(step);
    switch (mode) {
      case FLOOR:
      case DOWN:
        return floorIndex;
      case CEILING:
      case UP:
        return ceilIndex;
      case HALF_UP:
        return half < 0 ? floorIndex : ceilIndex;
      case HALF_DOWN:
        return half <= 0 ? floorIndex : ceilIndex;
      case HALF_EVEN:
        if (half != 0) {
          return half < 0 ? floorIndex : ceilIndex;
        }
        return floorIndex.testBit(0) ? ceilIndex : floorIndex;
      case UNNECESSARY:
      default:
        throw new ArithmeticException(
            Checks.plain(value)
                + " is not on the grid of step "
                + Checks.plain(step)
                + " and rounding mode UNNECESSARY forbids rounding");
    }
  }
}
