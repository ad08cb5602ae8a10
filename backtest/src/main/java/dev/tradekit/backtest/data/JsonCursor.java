package dev.tradekit.backtest.data;

import dev.tradekit.api.book.Decimals;

/**
 * A small forward-only JSON scanner over a {@link CharSequence} that allocates nothing: it walks
 * objects and arrays, exposes field names and string values as index ranges, reads integers, and
 * skips whatever the caller does not ask for.
 */
final class JsonCursor {

  private CharSequence s = "";
  private int pos;
  private int end;
  private int nameStart;
  private int nameEnd;
  private int valueStart;
  private int valueEnd;

  /** Starts scanning {@code text} from index {@code from}. */
  JsonCursor reset(CharSequence text, int from) {
    this.s = text;
    this.pos = from;
    this.end = text.length();
    return this;
  }

  int position() {
    return pos;
  }

  /** Consumes the opening brace of an object. */
  void enterObject() {
    expect('{');
  }

  /** Consumes the opening bracket of an array. */
  void enterArray() {
    expect('[');
  }

  /** True if the next value is an object (without consuming it). */
  boolean atObject() {
    skipWs();
    return pos < end && s.charAt(pos) == '{';
  }

  /** True if the next value is an array (without consuming it). */
  boolean atArray() {
    skipWs();
    return pos < end && s.charAt(pos) == '[';
  }

  /**
   * Moves to the next field of the current object and reads its name; returns false (having
   * consumed the closing brace) when the object ends.
   */
  boolean nextField() {
    if (!nextMember('}')) {
      return false;
    }
    readString();
    nameStart = valueStart;
    nameEnd = valueEnd;
    expect(':');
    return true;
  }

  /** Moves to the next element of the current array; false (brace consumed) at its end. */
  boolean nextElement() {
    return nextMember(']');
  }

  private boolean nextMember(char close) {
    skipWs();
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(pos);
    if (c == ',') {
      pos++;
      skipWs();
      c = pos < end ? s.charAt(pos) : 0;
    }
    if (c == close) {
      pos++;
      return false;
    }
    return true;
  }

  /** True if the current field name is {@code name}. */
  boolean nameIs(String name) {
    int len = nameEnd - nameStart;
    if (len != name.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(nameStart + i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Length of the current field name. */
  int nameLength() {
    return nameEnd - nameStart;
  }

  /** Character {@code i} of the current field name. */
  char nameChar(int i) {
    return s.charAt(nameStart + i);
  }

  /**
   * Reads a string or a bare scalar (number, true, false, null) and records its range (without
   * quotes) for {@link #valueStart()} / {@link #valueEnd()}.
   */
  void readScalar() {
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
      pos++;
    }
    valueEnd = pos;
    if (valueEnd == valueStart) {
      throw error("expected a value");
    }
  }

  int valueStart() {
    return valueStart;
  }

  int valueEnd() {
    return valueEnd;
  }

  /** Reads an integer, bare or quoted. */
  long readLong() {
    readScalar();
    return Decimals.parseLong(s, valueStart, valueEnd);
  }

  /** Reads {@code true} or {@code false}, bare or quoted. */
  boolean readBoolean() {
    readScalar();
    char c = s.charAt(valueStart);
    if (c == 't' || c == 'T') {
      return true;
    }
    if (c == 'f' || c == 'F') {
      return false;
    }
    throw error("expected a boolean");
  }

  /** True if the scalar just read equals {@code text}. */
  boolean valueIs(String text) {
    int len = valueEnd - valueStart;
    if (len != text.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(valueStart + i) != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Skips one value of any kind, nested structures included. */
  void skipValue() {
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

  private void readString() {
    skipWs();
    expect('"');
    valueStart = pos;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
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

  private void expect(char c) {
    skipWs();
    if (pos >= end || s.charAt(pos) != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipWs() {
    while (pos < end && s.charAt(pos) <= ' ') {
      pos++;
    }
  }

  private IllegalStateException error(String what) {
    return new IllegalStateException(what + " at column " + pos);
  }
}
