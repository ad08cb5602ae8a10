package dev.tradekit.api.internal.wire;

import dev.tradekit.api.book.Decimals;
import dev.tradekit.api.book.TickScale;

/**
 * A small forward-only JSON scanner over a {@link CharSequence} that allocates nothing: it walks
 * objects and arrays, exposes field names and string values as index ranges, reads integers and
 * plain decimals, and skips whatever the caller does not ask for. Anything it cannot read throws a
 * {@link MalformedFrameException} naming the column.
 *
 * <pre>{@code
 * JsonCursor c = new JsonCursor().reset("{\"u\":42,\"p\":\"1.5\"}", 0);
 * c.enterObject();
 * while (c.nextField()) {
 *   if (c.nameIs("u")) { long u = c.readLong(); } else { c.skipValue(); }
 * }
 * }</pre>
 *
 * <p>Strict where a lenient reading could change a value: members must be separated by exactly one
 * comma, booleans must be {@code true} or {@code false}, and {@link #readDecimal} accepts only
 * {@code -?digits(.digits)?}. Skipped values are only checked for balanced brackets. Not
 * thread-safe.
 */
public final class JsonCursor {

  private CharSequence s = "";
  private int pos;
  private int end;
  private int nameStart;
  private int nameEnd;
  private int valueStart;
  private int valueEnd;

  /** An object or array was just entered: its first member needs no comma. */
  private boolean opened;

  /** The last decimal's digits (at most 18 significant), scale, sign; see {@link #readDecimal}. */
  private long mantissa;

  private int decimalScale;
  private boolean negative;
  private boolean fitsLong;

  /** Below this a mantissa takes one more digit without overflowing a {@code long}. */
  private static final long MANTISSA_LIMIT = 100_000_000_000_000_000L;

  /** Starts scanning {@code text} from index {@code from}. */
  public JsonCursor reset(CharSequence text, int from) {
    this.s = text;
    this.pos = from;
    this.end = text.length();
    this.opened = false;
    return this;
  }

  /** The index of the next character to read. */
  public int position() {
    return pos;
  }

  /** Consumes the opening brace of an object. */
  public void enterObject() {
    expect('{');
    opened = true;
  }

  /** Consumes the opening bracket of an array. */
  public void enterArray() {
    expect('[');
    opened = true;
  }

  /** True if the next value is an object (without consuming it). */
  public boolean atObject() {
    skipWs();
    return pos < end && s.charAt(pos) == '{';
  }

  /** True if the next value is an array (without consuming it). */
  public boolean atArray() {
    skipWs();
    return pos < end && s.charAt(pos) == '[';
  }

  /**
   * Moves to the next field of the current object and reads its name; returns false (having
   * consumed the closing brace) when the object ends.
   */
  public boolean nextField() {
    if (!nextMember('}')) {
      return false;
    }
    readString();
    nameStart = valueStart;
    nameEnd = valueEnd;
    expect(':');
    return true;
  }

  /** Moves to the next element of the current array; false (bracket consumed) at its end. */
  public boolean nextElement() {
    return nextMember(']');
  }

  private boolean nextMember(char close) {
    skipWs();
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(pos);
    boolean first = opened;
    opened = false;
    if (c == close) {
      pos++;
      return false;
    }
    if (first) {
      return true;
    }
    if (c != ',') {
      throw error("expected ',' or '" + close + "'");
    }
    pos++;
    skipWs();
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    c = s.charAt(pos);
    if (c == close || c == ',') {
      throw error("expected a value after ','");
    }
    return true;
  }

  /** True if the current field name is {@code name}. */
  public boolean nameIs(String name) {
    return rangeIs(nameStart, nameEnd, name);
  }

  /** Length of the current field name. */
  public int nameLength() {
    return nameEnd - nameStart;
  }

  /** Character {@code i} of the current field name. */
  public char nameChar(int i) {
    return s.charAt(nameStart + i);
  }

  /**
   * Reads a string or a bare scalar (number, true, false, null) and records its range (without
   * quotes) for {@link #valueStart()} / {@link #valueEnd()}.
   */
  public void readScalar() {
    skipWs();
    if (pos < end && s.charAt(pos) == '"') {
      readString();
      return;
    }
    valueStart = pos;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == ',' || c == '}' || c == ']' || c <= ' ') {
        break;
      }
      if (c == '{' || c == '[' || c == '"' || c == ':') {
        throw error("expected a scalar value");
      }
      pos++;
    }
    valueEnd = pos;
    if (valueEnd == valueStart) {
      throw error("expected a value");
    }
  }

  /** Start (inclusive) of the last scalar read. */
  public int valueStart() {
    return valueStart;
  }

  /** End (exclusive) of the last scalar read. */
  public int valueEnd() {
    return valueEnd;
  }

  /** Reads an integer, bare or quoted. */
  public long readLong() {
    readScalar();
    checkBareNumber();
    try {
      return Decimals.parseLong(s, valueStart, valueEnd);
    } catch (NumberFormatException e) {
      throw error("expected an integer");
    }
  }

  /**
   * Reads a plain decimal, bare or quoted ({@code -?digits(.digits)?}, no exponent, no blanks), in
   * one pass that validates it and folds its digits into a {@code long}: its value is then read
   * with {@link #decimalValue()}, {@link #decimalTicks} or {@link #decimalPositive()}, and its
   * range is in {@link #valueStart()} / {@link #valueEnd()}.
   */
  public void readDecimal() {
    skipWs();
    CharSequence s = this.s;
    int end = this.end;
    int i = pos;
    boolean quoted = i < end && s.charAt(i) == '"';
    if (quoted) {
      i++;
    }
    int start = i;
    boolean neg = i < end && s.charAt(i) == '-';
    if (neg) {
      i++;
    }
    int intStart = i;
    long m = 0;
    boolean fits = true;
    char c = 0;
    while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
      if (m >= MANTISSA_LIMIT) {
        fits = false;
      } else {
        m = m * 10 + (c - '0');
      }
      i++;
    }
    int intDigits = i - intStart;
    if (intDigits == 0 || (!quoted && intDigits > 1 && s.charAt(intStart) == '0')) {
      throw error("expected a plain decimal number"); // no digit, or a bare leading zero
    }
    int scale = 0;
    if (i < end && c == '.') {
      i++;
      int fractionStart = i;
      int pendingZeros = 0; // fraction zeros not yet folded: trailing ones never are
      while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
        i++;
        if (c == '0') {
          pendingZeros++;
          continue;
        }
        for (; pendingZeros >= 0 && fits; pendingZeros--) {
          if (m >= MANTISSA_LIMIT) {
            fits = false;
          } else {
            m *= 10;
            scale++;
          }
        }
        m += c - '0'; // the last multiply left a zero units digit
        pendingZeros = 0;
      }
      if (i == fractionStart) {
        throw error("expected a plain decimal number");
      }
    }
    if (quoted) {
      if (i >= end || s.charAt(i) != '"') {
        throw error("expected a plain decimal number");
      }
      valueEnd = i;
      pos = i + 1;
    } else {
      if (i < end && !endsScalar(s.charAt(i))) {
        throw error("expected a plain decimal number");
      }
      valueEnd = i;
      pos = i;
    }
    valueStart = start;
    mantissa = m;
    decimalScale = scale;
    negative = neg;
    fitsLong = fits;
  }

  /** True for a character that ends a bare scalar: a delimiter or whitespace. */
  private static boolean endsScalar(char c) {
    return c == ',' || c == '}' || c == ']' || c <= ' ';
  }

  /**
   * The decimal last {@linkplain #readDecimal read} as the nearest {@code double}: bit for bit what
   * {@link Double#parseDouble} returns for its text. Allocation-free when its digits fit in 53 bits
   * and it has at most 22 fraction digits (one correctly rounded division of two exact doubles).
   */
  public double decimalValue() {
    if (!fitsLong) {
      return Decimals.parseDouble(s, valueStart, valueEnd);
    }
    double v = Decimals.toDouble(mantissa, decimalScale);
    return negative ? -v : v; // "-0.0" is -0.0
  }

  /**
   * The decimal last {@linkplain #readDecimal read} in ticks of {@code scale}, rounded as {@link
   * TickScale#parseTicks} rounds its text.
   *
   * @throws IllegalArgumentException if the tick count does not fit in a {@code long}
   */
  public long decimalTicks(TickScale scale) {
    if (!fitsLong) {
      return scale.parseTicks(s, valueStart, valueEnd);
    }
    long ticks = scale.roundTicks(mantissa, decimalScale);
    return negative ? -ticks : ticks;
  }

  /** True if the decimal last {@linkplain #readDecimal read} is greater than zero. */
  public boolean decimalPositive() {
    return !negative && mantissa != 0;
  }

  /** A bare (unquoted) number must be JSON: no {@code +}, no leading zero before a digit. */
  private void checkBareNumber() {
    if (valueStart > 0 && s.charAt(valueStart - 1) == '"') {
      return;
    }
    int i = valueStart;
    if (s.charAt(i) == '-' && i + 1 < valueEnd) {
      i++;
    }
    char c = s.charAt(i);
    if (c == '+' || (c == '0' && i + 1 < valueEnd && isDigit(s.charAt(i + 1)))) {
      throw error("not a JSON number");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Reads {@code true} or {@code false}, bare or quoted. */
  public boolean readBoolean() {
    readScalar();
    if (valueIs("true")) {
      return true;
    }
    if (valueIs("false")) {
      return false;
    }
    throw error("expected true or false");
  }

  /** True if the scalar just read equals {@code text}. */
  public boolean valueIs(String text) {
    return rangeIs(valueStart, valueEnd, text);
  }

  private boolean rangeIs(int from, int to, String text) {
    int len = to - from;
    if (len != text.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(from + i) != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Skips one value of any kind, nested structures included. */
  public void skipValue() {
    skipWs();
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(pos);
    if (c == '{' || c == '[') {
      int depth = 0;
      while (pos < end) {
        char d = s.charAt(pos);
        if (d == '"') {
          readString();
          continue;
        }
        pos++;
        if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          if (--depth == 0) {
            return;
          }
        }
      }
      throw error("unterminated structure");
    }
    readScalar();
  }

  /** Requires that nothing but whitespace follows. */
  public void expectEnd() {
    skipWs();
    if (pos < end) {
      throw error("unexpected text after the message");
    }
  }

  private void readString() {
    skipWs();
    expect('"');
    valueStart = pos;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == '\\') {
        escape();
        continue;
      }
      if (c < ' ') {
        throw error("control character in a string");
      }
      if (c == '"') {
        valueEnd = pos;
        pos++;
        return;
      }
      pos++;
    }
    throw error("unterminated string");
  }

  /** Steps over one escape: a backslash and one of {@code "/bfnrt}, a backslash, or u and 4 hex. */
  private void escape() {
    char e = pos + 1 < end ? s.charAt(pos + 1) : 0;
    if ("\"\\/bfnrt".indexOf(e) >= 0 && e != 0) {
      pos += 2;
      return;
    }
    if (e == 'u' && pos + 5 < end) {
      for (int i = pos + 2; i < pos + 6; i++) {
        if (Character.digit(s.charAt(i), 16) < 0) {
          throw error("bad \\u escape");
        }
      }
      pos += 6;
      return;
    }
    throw error("bad escape in a string");
  }

  private void expect(char c) {
    skipWs();
    if (pos >= end || s.charAt(pos) != c) {
      throw error(pos >= end ? "unexpected end of input" : "expected '" + c + "'");
    }
    pos++;
  }

  private void skipWs() {
    while (pos < end && s.charAt(pos) <= ' ') {
      pos++;
    }
  }

  /** A {@link MalformedFrameException} saying {@code what} was wrong at the current column. */
  public MalformedFrameException error(String what) {
    return new MalformedFrameException(what + " at column " + pos);
  }
}
