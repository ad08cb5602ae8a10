package dev.tradekit.api.book;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts prices between decimal form ({@link BigDecimal} or text) and {@code long} ticks of one
 * tick size. Immutable and thread-safe.
 *
 * <p>{@link #parseTicks(CharSequence, int, int)} reads a venue's plain decimal text straight into
 * ticks without creating objects, as long as the significant digits fit in a {@code long} (18
 * digits); longer inputs and exponent forms take a slower {@code BigDecimal} path.
 *
 * <pre>{@code
 * TickScale scale = TickScale.of(new BigDecimal("0.10"));
 * long ticks = scale.parseTicks("57123.40", 0, 8); // 571234
 * BigDecimal price = scale.toPrice(ticks);          // 57123.4
 * }</pre>
 */
public final class TickScale {
  private static final long[] POW10 = new long[19];

  /** {@code Long.MAX_VALUE / POW10[i]}: the largest factor that 10^i multiplies safely. */
  private static final long[] MAX_FACTOR = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    for (int i = 0; i < POW10.length; i++) {
      MAX_FACTOR[i] = Long.MAX_VALUE / POW10[i];
    }
  }

  /** Doubles that are exact powers of ten (10^22 is the largest exactly representable). */
  private static final double[] DOUBLE_POW10 = new double[23];

  static {
    DOUBLE_POW10[0] = 1.0;
    for (int i = 1; i < DOUBLE_POW10.length; i++) {
      DOUBLE_POW10[i] = DOUBLE_POW10[i - 1] * 10.0;
    }
  }

  private static final long MAX_EXACT_DOUBLE = 1L << 53;

  private final BigDecimal tickSize;

  /** tickSize == tickUnscaled * 10^-tickScale, with trailing zeros stripped. */
  private final long tickUnscaled;

  private final int tickScale;

  /**
   * The most ticks (in magnitude) that {@link #toDouble} converts with one rounding: 2^53 when the
   * tick size is an exact double, 2^53 / {@link #tickUnscaled} when it is a decimal fraction whose
   * power of ten is an exact double, else -1 (every tick count takes the {@link BigDecimal} path).
   */
  private final long maxExactTicks;

  /**
   * The tick size as a double when that is exact (a binary fraction or a small integer), else 0.
   */
  private final double binaryTick;

  /** 10^{@link #tickScale} when {@link #binaryTick} is 0 and the fast path applies. */
  private final double decimalDivisor;

  private TickScale(BigDecimal tickSize, long tickUnscaled, int tickScale) {
    this.tickSize = tickSize;
    this.tickUnscaled = tickUnscaled;
    this.tickScale = tickScale;
    double asDouble = tickSize.doubleValue();
    if (new BigDecimal(asDouble).compareTo(tickSize) == 0) {
      // ticks · tick is a product of two exact doubles: one correctly rounded multiplication
      this.binaryTick = asDouble;
      this.decimalDivisor = 1;
      this.maxExactTicks = MAX_EXACT_DOUBLE;
    } else if (tickScale > 0 && tickScale < DOUBLE_POW10.length) {
      // (ticks · unscaled) / 10^scale: a quotient of two exact doubles, one correctly rounded
      // division
      this.binaryTick = 0;
      this.decimalDivisor = DOUBLE_POW10[tickScale];
      this.maxExactTicks = MAX_EXACT_DOUBLE / tickUnscaled;
    } else {
      this.binaryTick = 0;
      this.decimalDivisor = 1;
      this.maxExactTicks = -1;
    }
  }

  /**
   * The scale for {@code tickSize}, e.g. {@code 0.10} or {@code 0.00000001}.
   *
   * @throws IllegalArgumentException if {@code tickSize} is not positive or its digits do not fit
   *     in a {@code long}
   */
  public static TickScale of(BigDecimal tickSize) {
    Objects.requireNonNull(tickSize, "tickSize");
    if (tickSize.signum() <= 0) {
      throw new IllegalArgumentException("tickSize must be positive: " + tickSize.toPlainString());
    }
    BigDecimal stripped = tickSize.stripTrailingZeros();
    if (stripped.precision() > 18) {
      throw new IllegalArgumentException(
          "tickSize must have at most 18 significant digits: " + tickSize.toPlainString());
    }
    return new TickScale(
        stripped.scale() < 0 ? stripped.setScale(0) : stripped,
        stripped.unscaledValue().longValueExact(),
        stripped.scale());
  }

  /** The tick size, trailing zeros stripped (plain, e.g. {@code 0.1} or {@code 10}). */
  public BigDecimal tickSize() {
    return tickSize;
  }

  /**
   * The exact number of ticks in {@code price}.
   *
   * @throws IllegalArgumentException if {@code price} is not a whole multiple of the tick size, or
   *     the tick count does not fit in a {@code long}
   */
  public long toTicks(BigDecimal price) {
    Objects.requireNonNull(price, "price");
    BigDecimal[] qr = price.divideAndRemainder(tickSize);
    if (qr[1].signum() != 0) {
      throw new IllegalArgumentException(
          "price "
              + price.toPlainString()
              + " is not a multiple of tick size "
              + tickSize.toPlainString());
    }
    try {
      return qr[0].longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "price " + price.toPlainString() + " is too large for long ticks", e);
    }
  }

  /**
   * Parses the plain decimal in {@code s[from, to)} (optional sign, digits, optional {@code '.'}
   * and digits, e.g. {@code "57123.40"} or {@code "0.00001234"}) into ticks.
   *
   * <p>A price that is off the tick grid is rounded to the nearest tick, ties away from zero
   * ({@link RoundingMode#HALF_UP}). Allocation-free when the significant digits fit in 18 decimal
   * digits and the tick arithmetic fits in a {@code long}; otherwise (and for exponent forms like
   * {@code "1E+2"}) it falls back to {@link BigDecimal} with the same rounding.
   *
   * @throws NumberFormatException if the text is not a decimal number
   * @throws IllegalArgumentException if the tick count does not fit in a {@code long}
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code s}
   */
  public long parseTicks(CharSequence s, int from, int to) {
    Objects.checkFromToIndex(from, to, s.length());
    int i = from;
    boolean negative = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int fractionDigits = 0;
    int pendingZeros = 0; // fraction zeros not yet folded into the mantissa
    boolean seenDigit = false;
    boolean seenDot = false;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        seenDigit = true;
        int d = c - '0';
        if (seenDot && d == 0) {
          pendingZeros++;
          continue;
        }
        int shift = seenDot ? pendingZeros + 1 : 1;
        // mantissa * 10^shift <= MAX - 10^shift leaves room for the digit: no division per digit
        if (shift >= POW10.length || mantissa >= MAX_FACTOR[shift]) {
          return parseSlow(s, from, to);
        }
        mantissa = mantissa * POW10[shift] + d;
        if (seenDot) {
          fractionDigits += pendingZeros + 1;
          pendingZeros = 0;
        }
      } else if (c == '.' && !seenDot) {
        seenDot = true;
      } else if (c == 'e' || c == 'E') {
        return parseSlow(s, from, to);
      } else {
        throw notADecimal(s, from, to);
      }
    }
    if (!seenDigit) {
      throw notADecimal(s, from, to);
    }
    long ticks = ticksOf(mantissa, fractionDigits);
    if (ticks == Long.MIN_VALUE) {
      return parseSlow(s, from, to);
    }
    return negative ? -ticks : ticks;
  }

  /**
   * The number of ticks nearest to {@code unscaled × 10^-scale}, ties away from zero: what {@link
   * #parseTicks} returns for that decimal's text. Allocation-free when the tick arithmetic fits in
   * a {@code long}.
   *
   * <pre>{@code
   * TickScale.of(new BigDecimal("0.1")).roundTicks(5712340, 2); // 571234
   * }</pre>
   *
   * @throws IllegalArgumentException if the tick count does not fit in a {@code long}
   */
  public long roundTicks(long unscaled, int scale) {
    if (unscaled != Long.MIN_VALUE && scale >= 0) {
      long ticks = ticksOf(Math.abs(unscaled), scale);
      if (ticks != Long.MIN_VALUE) {
        return unscaled < 0 ? -ticks : ticks;
      }
    }
    return roundSlow(BigDecimal.valueOf(unscaled, scale));
  }

  /**
   * Ticks for the non-negative value {@code mantissa * 10^-fractionDigits}, rounded half-up, or
   * {@code Long.MIN_VALUE} when the arithmetic would overflow.
   */
  private long ticksOf(long mantissa, int fractionDigits) {
    int exp = tickScale - fractionDigits; // ticks = mantissa * 10^exp / tickUnscaled
    long numerator = mantissa;
    long divisor = tickUnscaled;
    if (exp >= 0) {
      if (exp >= POW10.length || numerator > MAX_FACTOR[exp]) {
        return Long.MIN_VALUE;
      }
      numerator *= POW10[exp];
    } else {
      if (-exp >= POW10.length || divisor > MAX_FACTOR[-exp]) {
        return Long.MIN_VALUE;
      }
      divisor *= POW10[-exp];
    }
    if (divisor == 1) {
      return numerator; // the price has no more fraction digits than the tick: no division
    }
    long quotient = numerator / divisor;
    long remainder = numerator - quotient * divisor;
    if (remainder >= divisor - remainder) {
      quotient++;
    }
    return quotient;
  }

  private long parseSlow(CharSequence s, int from, int to) {
    String text = s.subSequence(from, to).toString();
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw notADecimal(s, from, to);
    }
    return roundSlow(value);
  }

  private long roundSlow(BigDecimal value) {
    try {
      return value.divide(tickSize, 0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "price " + value.toPlainString() + " is too large for long ticks", e);
    }
  }

  private static NumberFormatException notADecimal(CharSequence s, int from, int to) {
    return new NumberFormatException("not a decimal number: \"" + s.subSequence(from, to) + "\"");
  }

  /**
   * The price of {@code ticks} ticks as a plain {@link BigDecimal} with trailing zeros stripped.
   */
  public BigDecimal toPrice(long ticks) {
    long magnitude = Math.abs(ticks);
    if (ticks != Long.MIN_VALUE && tickScale >= 0 && magnitude <= Long.MAX_VALUE / tickUnscaled) {
      // one object: the digits stripped of trailing zeros in long arithmetic
      long digits = ticks * tickUnscaled;
      int scale = tickScale;
      while (scale > 0 && digits % 10 == 0) {
        digits /= 10;
        scale--;
      }
      return BigDecimal.valueOf(digits, scale);
    }
    BigDecimal price = BigDecimal.valueOf(ticks).multiply(tickSize).stripTrailingZeros();
    return price.scale() < 0 ? price.setScale(0) : price;
  }

  /**
   * The price of {@code ticks} ticks as the nearest {@code double} (what {@link
   * BigDecimal#doubleValue()} gives for {@link #toPrice}): one multiplication when the tick size is
   * an exact double (0.5, 1, 10), one division when it is a decimal fraction (0.01), as long as the
   * digits fit in 53 bits; without allocation then, through {@link BigDecimal} otherwise.
   */
  public double toDouble(long ticks) {
    long max = maxExactTicks;
    if (ticks <= max && ticks >= -max) {
      double tick = binaryTick;
      return tick != 0 ? ticks * tick : (double) (ticks * tickUnscaled) / decimalDivisor;
    }
    return toPrice(ticks).doubleValue();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TickScale other && other.tickSize.compareTo(tickSize) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(tickUnscaled) * 31 + tickScale;
  }

  @Override
  public String toString() {
    return "TickScale{" + tickSize.toPlainString() + '}';
  }
}
