package dev.tradekit.bybit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Reads Bybit JSON into the {@link BybitWire} types. Thread-safe. */
final class BybitJson {
  private final Moshi moshi = new Moshi.Builder().build();
  private final Map<Class<?>, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  /**
   * Parses {@code json} as a {@code type}.
   *
   * @throws UncheckedIOException when the text is not JSON of that shape
   */
  <T> T parse(Class<T> type, String json) {
    @SuppressWarnings("unchecked")
    JsonAdapter<T> adapter =
        (JsonAdapter<T>) adapters.computeIfAbsent(type, t -> moshi.adapter(t).lenient());
    try {
      return Objects.requireNonNull(adapter.fromJson(json), "JSON null where an object belongs");
    } catch (IOException e) {
      throw new UncheckedIOException("malformed Bybit " + type.getSimpleName() + ": " + e, e);
    }
  }
}
