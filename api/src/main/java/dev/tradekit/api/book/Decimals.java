package dev.tradekit.api.book;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Allocation-free parsers for the decimal numbers venues send as text (quantities, prices, ids).
 *
 * <p>Both parsers read a range of a {@link CharSequence} so a message buffer can be parsed in place
 * without creating substrings.
 *
 * <pre>{@code
 * String qty = "0.00001234";
 * double q = Decimals.parseDouble(qty, 0, qty.length()); // == Double.parseDouble(qty)
 * long id = Decimals.parseLong("8886774", 0, 7);
 * }</pre>
 */
public final class Decimals {
  /** Doubles that are exact powers of ten (10^22 is the largest exactly representable). */
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1.0;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10.0;
    }
  }

  /** Integers up to 2^53 are exact as doubles. */
  private static final long MAX_EXACT_MANTISSA = 1L << 53;

  private Decimals() {}

  /**
   * Parses {@code s[from, to)} as a {@code double}, returning exactly what {@link
   * Double#parseDouble(String)} returns for that text.
   *
   * <p>Plain decimals (optional sign, digits, optional {@code '.'} and digits) whose significant
   * digits form an integer up to 2^53 (about 15–16 digits, trailing fraction zeros not counted)
   * with at most 22 fraction digits are converted without allocation by one correctly rounded
   * division by an exact power of ten. Anything else (more digits, exponents, {@code NaN}, blanks)
   * is handed to {@code Double.parseDouble} on a substring.
   *
   * @throws NumberFormatException if the text is not a number
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code s}
   */
  public static double parseDouble(CharSequence s, int from, int to) {
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
        if (seenDot) {
          if (d == 0) {
            pendingZeros++;
            continue;
          }
          for (; pendingZeros > 0; pendingZeros--) {
            mantissa *= 10;
            fractionDigits++;
            if (mantissa > MAX_EXACT_MANTISSA) {
              return slow(s, from, to);
            }
          }
          fractionDigits++;
        }
        mantissa = mantissa * 10 + d;
        if (mantissa > MAX_EXACT_MANTISSA) {
          return slow(s, from, to);
        }
      } else if (c == '.' && !seenDot) {
        seenDot = true;
      } else {
        return slow(s, from, to);
      }
    }
    if (!seenDigit || fractionDigits >= POW10.length) {
      return slow(s, from, to);
    }
    double value = toDouble(mantissa, fractionDigits); // in the fast path's range here
    return negative ? -value : value;
  }

  /**
   * The nearest {@code double} to {@code unscaled × 10^-scale}: bit for bit what {@link
   * Double#parseDouble(String)} returns for that decimal's text (except that a zero is always
   * {@code +0.0}). Without allocation when {@code |unscaled| <= 2^53} and {@code 0 <= scale <= 22}:
   * both are then exact doubles and one IEEE division rounds their quotient correctly (Clinger's
   * fast path); otherwise through {@link BigDecimal#doubleValue()}, also correctly rounded.
   *
   * <pre>{@code
   * Decimals.toDouble(5712340, 2); // 57123.4
   * }</pre>
   */
  public static double toDouble(long unscaled, int scale) {
    if (scale >= 0
        && scale < POW10.length
        && unscaled <= MAX_EXACT_MANTISSA
        && unscaled >= -MAX_EXACT_MANTISSA) {
      return (double) unscaled / POW10[scale];
    }
    return BigDecimal.valueOf(unscaled, scale).doubleValue();
  }

  private static double slow(CharSequence s, int from, int to) {
    return Double.parseDouble(s.subSequence(from, to).toString());
  }

  /**
   * Parses {@code s[from, to)} as a decimal {@code long} (optional sign, digits), without
   * allocation unless it fails.
   *
   * @throws NumberFormatException if the text is not a decimal integer or does not fit in a long
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code s}
   */
  public static long parseLong(CharSequence s, int from, int to) {
    Objects.checkFromToIndex(from, to, s.length());
    int i = from < to && s.charAt(from) == '-' ? from + 1 : from;
    if (i < to && to - i <= 18) { // 18 digits cannot overflow: no check per digit
      long value = 0;
      for (; i < to; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return Long.parseLong(s, from, to, 10); // its reading (and error) for anything else
        }
        value = value * 10 + (c - '0');
      }
      return s.charAt(from) == '-' ? -value : value;
    }
    return Long.parseLong(s, from, to, 10);
  }
}
