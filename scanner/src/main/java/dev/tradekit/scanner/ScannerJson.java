package dev.tradekit.scanner;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import okio.Buffer;

/**
 * The scanner's JSON output, on Moshi's streaming {@link JsonWriter}: compact, nulls written,
 * decimals as plain strings so that no precision is lost, doubles as the feed has always written
 * them (integral values below 1e15 without a fraction, non-finite ones as {@code null}).
 */
final class ScannerJson {
  private ScannerJson() {}

  /** What one document writes. */
  @FunctionalInterface
  interface Body {
    void write(JsonWriter w) throws IOException;
  }

  /** Runs {@code body} on a fresh writer and returns the document it wrote. */
  static String write(Body body) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      body.write(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readUtf8();
  }

  /** Writes {@code d}: {@code 3} for 3.0, {@code 2.5}, {@code null} for NaN and infinities. */
  static JsonWriter number(JsonWriter w, double d) throws IOException {
    if (!Double.isFinite(d)) {
      return w.nullValue();
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return w.value((long) d);
    }
    return w.value(d);
  }

  /** Writes {@code d} as a plain decimal string, e.g. {@code "0.00001234"}. */
  static JsonWriter decimal(JsonWriter w, BigDecimal d) throws IOException {
    return w.value(d.toPlainString());
  }
}
