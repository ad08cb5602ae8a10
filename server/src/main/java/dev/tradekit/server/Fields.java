package dev.tradekit.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from a parsed JSON object; every failure is a 400 that names the field (as a path,
 * e.g. {@code config.followers[1].ratio}) and says what it must be.
 */
final class Fields {
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

  private final Map<String, Object> map;
  private final String prefix;

  Fields(Map<String, Object> map, String prefix) {
    this.map = map;
    this.prefix = prefix;
  }

  static Fields of(Map<String, Object> map) {
    return new Fields(map, "");
  }

  String path(String name) {
    return prefix + name;
  }

  /** Refuses any field outside {@code allowed}. */
  Fields only(String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (String k : map.keySet()) {
      if (!ok.contains(k)) {
        throw new ApiException(
            400,
            "unknown-field",
            "Unknown field",
            path(k) + ": is not a known field; allowed: " + new TreeSet<>(ok),
            path(k));
      }
    }
    return this;
  }

  boolean has(String name) {
    return map.get(name) != null;
  }

  @Nullable Object raw(String name) {
    return map.get(name);
  }

  String string(String name, int maxLength) {
    Object v = map.get(name);
    if (!(v instanceof String s) || s.isBlank()) {
      throw ApiException.invalid(path(name), "must be a non-empty string");
    }
    if (s.length() > maxLength) {
      throw ApiException.invalid(path(name), "must be at most " + maxLength + " characters");
    }
    return s;
  }

  @Nullable String optString(String name, int maxLength) {
    return has(name) ? string(name, maxLength) : null;
  }

  String oneOf(String name, String... values) {
    String s = string(name, 100);
    if (!Arrays.asList(values).contains(s)) {
      throw ApiException.invalid(path(name), "must be one of " + Arrays.toString(values));
    }
    return s;
  }

  String symbol(String name) {
    String s = string(name, 20);
    if (!SYMBOL.matcher(s).matches()) {
      throw ApiException.invalid(path(name), "must be a venue symbol such as BTCUSDT");
    }
    return s;
  }

  /** A decimal given as a JSON string (exact), strictly positive, at most {@code max}. */
  BigDecimal positiveDecimal(String name, BigDecimal max) {
    Object v = map.get(name);
    if (!(v instanceof String s)) {
      throw ApiException.invalid(path(name), "must be a decimal string such as \"0.01\"");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw ApiException.invalid(path(name), "must be a decimal string such as \"0.01\"");
    }
    if (d.signum() <= 0 || d.compareTo(max) > 0) {
      throw ApiException.invalid(
          path(name), "must be greater than 0 and at most " + max.toPlainString());
    }
    return d;
  }

  int integer(String name, int min, int max) {
    Object v = map.get(name);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw ApiException.invalid(path(name), "must be an integer from " + min + " to " + max);
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw ApiException.invalid(path(name), "must be an integer from " + min + " to " + max);
    }
    return (int) d;
  }

  double number(String name, double min, double max) {
    Object v = map.get(name);
    if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
      throw ApiException.invalid(path(name), "must be a number from " + min + " to " + max);
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw ApiException.invalid(path(name), "must be a number from " + min + " to " + max);
    }
    return d;
  }

  boolean bool(String name) {
    Object v = map.get(name);
    if (!(v instanceof Boolean b)) {
      throw ApiException.invalid(path(name), "must be true or false");
    }
    return b;
  }

  Fields object(String name) {
    Object v = map.get(name);
    if (!(v instanceof Map<?, ?> m)) {
      throw ApiException.invalid(path(name), "must be a JSON object");
    }
    return new Fields(copy(m), path(name) + ".");
  }

  List<Fields> objects(String name, int min, int max) {
    Object v = map.get(name);
    if (!(v instanceof List<?> l) || l.size() < min || l.size() > max) {
      throw ApiException.invalid(
          path(name), "must be a list of " + min + " to " + max + " JSON objects");
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      if (!(l.get(i) instanceof Map<?, ?> m)) {
        throw ApiException.invalid(path(name) + "[" + i + "]", "must be a JSON object");
      }
      out.add(new Fields(copy(m), path(name) + "[" + i + "]."));
    }
    return out;
  }

  List<String> symbols(String name, int max) {
    Object v = map.get(name);
    if (!(v instanceof List<?> l) || l.isEmpty() || l.size() > max) {
      throw ApiException.invalid(path(name), "must be a list of 1 to " + max + " symbols");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      if (!(o instanceof String s) || !SYMBOL.matcher(s).matches()) {
        throw ApiException.invalid(path(name), "must hold venue symbols such as BTCUSDT");
      }
      out.add(s);
    }
    return out;
  }

  private static Map<String, Object> copy(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), val));
    return out;
  }
}
