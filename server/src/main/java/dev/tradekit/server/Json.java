package dev.tradekit.server;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The control plane's one JSON stack: Moshi, over plain maps, lists, strings and numbers. */
final class Json {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class).serializeNulls();

  private Json() {}

  static String write(@Nullable Object value) {
    return ANY.toJson(value);
  }

  /**
   * Parses a request body that must be one JSON object.
   *
   * @throws ApiException 400 {@code malformed-json} if it is not
   */
  static Map<String, Object> readObject(String body) {
    Object parsed;
    try {
      parsed = ANY.failOnUnknown().fromJson(body);
    } catch (JsonEncodingException | JsonDataException e) {
      throw ApiException.badRequest(
          "malformed-json",
          "Malformed JSON",
          "the body is not valid JSON: " + e.getMessage(),
          null);
    } catch (IOException e) {
      throw ApiException.badRequest(
          "malformed-json",
          "Malformed JSON",
          "the body is not valid JSON: it ends too early",
          null);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ApiException.badRequest(
          "malformed-json", "Malformed JSON", "the body must be a JSON object", null);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** Parses any JSON value an engine produced; text that is not JSON is kept as a string. */
  static @Nullable Object readAny(String json) {
    try {
      return ANY.fromJson(json);
    } catch (IOException | JsonDataException e) {
      return json;
    }
  }

  /** The JSON object under {@code key} of a stored, validated value. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> objectAt(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalStateException(key + ": not a JSON object in a stored value");
    }
    return (Map<String, Object>) v;
  }

  static Map<String, String> readStringMap(String json) {
    Map<String, Object> m = readObject(json);
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
