package dev.tradekit.binance;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an abstract event type as the subclass named by a label field (Binance's {@code e}), with a
 * fallback subclass for labels it does not know, so that a new event type never breaks a stream.
 *
 * @param <T> the abstract event type
 */
final class EventTypeAdapterFactory<T> implements JsonAdapter.Factory {
  private final Class<T> base;
  private final String labelKey;
  private final Map<String, Class<? extends T>> subtypes;
  private final Class<? extends T> fallback;

  EventTypeAdapterFactory(
      Class<T> base,
      String labelKey,
      Map<String, Class<? extends T>> subtypes,
      Class<? extends T> fallback) {
    this.base = Objects.requireNonNull(base, "base");
    this.labelKey = Objects.requireNonNull(labelKey, "labelKey");
    this.subtypes = new LinkedHashMap<>(subtypes);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public @Nullable JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || Types.getRawType(type) != base) {
      return null;
    }
    Map<String, JsonAdapter<? extends T>> byLabel = new HashMap<>();
    Map<Class<?>, JsonAdapter<? extends T>> byClass = new HashMap<>();
    for (Map.Entry<String, Class<? extends T>> e : subtypes.entrySet()) {
      JsonAdapter<? extends T> a = moshi.adapter(e.getValue());
      byLabel.put(e.getKey(), a);
      byClass.put(e.getValue(), a);
    }
    JsonAdapter<? extends T> fallbackAdapter = moshi.adapter(fallback);
    byClass.put(fallback, fallbackAdapter);
    return new Adapter<T>(JsonReader.Options.of(labelKey), byLabel, byClass, fallbackAdapter)
        .nullSafe();
  }

  private static final class Adapter<T> extends JsonAdapter<T> {
    private final JsonReader.Options label;
    private final Map<String, JsonAdapter<? extends T>> byLabel;
    private final Map<Class<?>, JsonAdapter<? extends T>> byClass;
    private final JsonAdapter<? extends T> fallback;

    Adapter(
        JsonReader.Options label,
        Map<String, JsonAdapter<? extends T>> byLabel,
        Map<Class<?>, JsonAdapter<? extends T>> byClass,
        JsonAdapter<? extends T> fallback) {
      this.label = label;
      this.byLabel = byLabel;
      this.byClass = byClass;
      this.fallback = fallback;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      String name = readLabel(reader.peekJson());
      JsonAdapter<? extends T> adapter = name == null ? fallback : byLabel.get(name);
      return (adapter == null ? fallback : adapter).fromJson(reader);
    }

    private @Nullable String readLabel(JsonReader peeked) throws IOException {
      try (peeked) {
        peeked.beginObject();
        while (peeked.hasNext()) {
          if (peeked.selectName(label) == 0) {
            if (peeked.peek() == JsonReader.Token.STRING) {
              return peeked.nextString();
            }
          } else {
            peeked.skipName();
          }
          peeked.skipValue();
        }
        return null;
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      JsonAdapter<T> adapter = (JsonAdapter<T>) byClass.get(value.getClass());
      if (adapter == null) {
        throw new IllegalArgumentException(
            "no adapter for " + value.getClass().getName() + ": register it as a subtype");
      }
      adapter.toJson(writer, value);
    }
  }
}
