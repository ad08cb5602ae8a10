package dev.tradekit.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer (appending to a {@link StringBuilder}) and reader (to maps, lists, strings,
 * numbers as their text, booleans and null) for the wire messages of the fake exchange.
 */
final class Json {
  private final StringBuilder out = new StringBuilder(256);
  private boolean comma;

  Json obj() {
    sep();
    out.append('{');
    comma = false;
    return this;
  }

  Json end() {
    out.append('}');
    comma = true;
    return this;
  }

  Json arr() {
    sep();
    out.append('[');
    comma = false;
    return this;
  }

  Json endArr() {
    out.append(']');
    comma = true;
    return this;
  }

  /** Starts a field; follow with a value, {@link #obj()} or {@link #arr()}. */
  Json key(String name) {
    sep();
    quote(name);
    out.append(':');
    comma = false;
    return this;
  }

  Json str(String name, @Nullable String value) {
    return key(name).str(value);
  }

  Json num(String name, long value) {
    return key(name).num(value);
  }

  Json bool(String name, boolean value) {
    return key(name).raw(Boolean.toString(value));
  }

  Json str(@Nullable String value) {
    sep();
    if (value == null) {
      out.append("null");
    } else {
      quote(value);
    }
    comma = true;
    return this;
  }

  Json num(long value) {
    return raw(Long.toString(value));
  }

  Json raw(String json) {
    sep();
    out.append(json);
    comma = true;
    return this;
  }

  private void sep() {
    if (comma) {
      out.append(',');
      comma = false;
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

  @Override
  public String toString() {
    return out.toString();
  }

  // ---------------------------------------------------------------- reading

  /**
   * Parses one JSON value: objects become {@link Map}s, arrays {@link List}s, numbers their text.
   *
   * @throws IllegalArgumentException on malformed input
   */
  static @Nullable Object parse(String text) {
    Reader r = new Reader(text);
    Object v = r.value();
    r.ws();
    if (r.pos != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + r.pos);
    }
    return v;
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    void ws() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    char peek() {
      ws();
      if (pos >= s.length()) {
        throw new IllegalArgumentException("unexpected end of JSON");
      }
      return s.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos);
      }
      pos++;
    }

    @Nullable Object value() {
      char c = peek();
      if (c == '{') {
        pos++;
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        if (peek() == '}') {
          pos++;
          return m;
        }
        do {
          String k = string();
          expect(':');
          m.put(k, value());
        } while (more('}'));
        return m;
      }
      if (c == '[') {
        pos++;
        List<@Nullable Object> l = new ArrayList<>();
        if (peek() == ']') {
          pos++;
          return l;
        }
        do {
          l.add(value());
        } while (more(']'));
        return l;
      }
      if (c == '"') {
        return string();
      }
      int start = pos;
      while (pos < s.length() && ",}] \n\r\t".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      String word = s.substring(start, pos);
      return switch (word) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "null" -> null;
        default -> {
          if (word.isEmpty() || !word.matches("-?[0-9.eE+-]+")) {
            throw new IllegalArgumentException("bad JSON value at " + start + ": " + word);
          }
          yield word;
        }
      };
    }

    private boolean more(char close) {
      char c = peek();
      pos++;
      if (c == ',') {
        return true;
      }
      if (c == close) {
        return false;
      }
      throw new IllegalArgumentException("expected ',' or '" + close + "' at " + (pos - 1));
    }

    String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          char e = s.charAt(pos++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      throw new IllegalArgumentException("unterminated string");
    }
  }
}
