package dev.tradekit.scanner;

import java.math.BigDecimal;

/**
 * A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans and null, with
 * commas placed automatically. Non-finite doubles are written as {@code null}; decimals are written
 * as plain strings so that no precision is lost.
 */
final class JsonWriter {
  private final StringBuilder out;
  private boolean needComma;

  JsonWriter(StringBuilder out) {
    this.out = out;
  }

  JsonWriter() {
    this(new StringBuilder(512));
  }

  JsonWriter beginObject() {
    separate();
    out.append('{');
    needComma = false;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    needComma = false;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes a member name; the next value call writes its value. */
  JsonWriter name(String name) {
    separate();
    quote(name);
    out.append(':');
    needComma = false;
    return this;
  }

  JsonWriter value(String s) {
    separate();
    quote(s);
    needComma = true;
    return this;
  }

  JsonWriter value(double d) {
    separate();
    if (Double.isFinite(d)) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(d);
      }
    } else {
      out.append("null");
    }
    needComma = true;
    return this;
  }

  JsonWriter value(long n) {
    separate();
    out.append(n);
    needComma = true;
    return this;
  }

  JsonWriter value(boolean b) {
    separate();
    out.append(b);
    needComma = true;
    return this;
  }

  /** Writes {@code d} as a plain decimal string, e.g. {@code "0.00001234"}. */
  JsonWriter value(BigDecimal d) {
    return value(d.toPlainString());
  }

  JsonWriter nullValue() {
    separate();
    out.append("null");
    needComma = true;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (needComma) {
      out.append(',');
      needComma = false;
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
