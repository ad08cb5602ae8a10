package dev.tradekit.testkit;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The fake exchange's wire JSON, on Moshi's streaming {@link JsonWriter} and {@link JsonReader}: a
 * fluent writer for the venue's replies and frames (nulls are written, decimals go in as the plain
 * strings the venues send), and a reader to maps, lists, strings, numbers as their text, booleans
 * and null.
 */
final class Json {
  private final Buffer out = new Buffer();
  private final JsonWriter w = JsonWriter.of(out);

  Json() {
    w.setSerializeNulls(true);
  }

  Json obj() {
    return io(JsonWriter::beginObject);
  }

  Json end() {
    return io(JsonWriter::endObject);
  }

  Json arr() {
    return io(JsonWriter::beginArray);
  }

  Json endArr() {
    return io(JsonWriter::endArray);
  }

  /** Starts a field; follow with a value, {@link #obj()} or {@link #arr()}. */
  Json key(String name) {
    return io(x -> x.name(name));
  }

  Json str(String name, @Nullable String value) {
    return key(name).str(value);
  }

  Json num(String name, long value) {
    return key(name).num(value);
  }

  Json bool(String name, boolean value) {
    return key(name).io(x -> x.value(value));
  }

  Json str(@Nullable String value) {
    return io(x -> x.value(value));
  }

  Json num(long value) {
    return io(x -> x.value(value));
  }

  /**
   * Writes a value {@link #parse} returned, as it came: null, a boolean, a number (its text), or a
   * string. Numbers and strings both parse to text, so text that is an integer goes out as a number
   * (a request id echoed in a reply).
   */
  Json echo(@Nullable Object parsed) {
    if (parsed == null) {
      return io(JsonWriter::nullValue);
    }
    if (parsed instanceof Boolean b) {
      return io(x -> x.value(b));
    }
    String text = parsed.toString();
    if (text.matches("-?\\d{1,18}")) {
      return io(x -> x.value(Long.parseLong(text)));
    }
    return str(text);
  }

  /** The document written so far; call once the top-level value is complete. */
  @Override
  public String toString() {
    return out.snapshot().utf8();
  }

  private Json io(Step step) {
    try {
      step.apply(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return this;
  }

  @FunctionalInterface
  private interface Step {
    void apply(JsonWriter w) throws IOException;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Parses one JSON value: objects become {@link Map}s, arrays {@link List}s, numbers their text
   * (so ids and decimals keep every digit).
   *
   * @throws IllegalArgumentException on malformed input, naming where it went wrong
   */
  static @Nullable Object parse(String text) {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(text));
    try {
      Object v = value(r);
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("trailing characters at " + r.getPath());
      }
      return v;
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static @Nullable Object value(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          m.put(r.nextName(), value(r));
        }
        r.endObject();
        return m;
      }
      case BEGIN_ARRAY -> {
        List<@Nullable Object> l = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          l.add(value(r));
        }
        r.endArray();
        return l;
      }
      case BOOLEAN -> {
        return r.nextBoolean();
      }
      case NULL -> {
        return r.nextNull();
      }
      default -> {
        return r.nextString(); // a string, or a number's text
      }
    }
  }
}
