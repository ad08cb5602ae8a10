package dev.tradekit.samples.cli;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A command's YAML config file: venue, symbol and the bot's settings. API keys are refused here;
 * they come only from the environment or a {@code .env} file.
 */
final class VenueConfig {
  private static final Set<String> KEYS =
      Set.of(
          "venue",
          "symbol",
          "strategy",
          "spread",
          "amount",
          "levels",
          "maxPosition",
          "leverage",
          "restBaseUrl",
          "wsBaseUrl");
  private static final Set<String> SECRET_KEYS =
      Set.of("apikey", "api_key", "apisecret", "api_secret", "secret", "secretkey", "key");

  private final Path file;
  private final Map<String, Object> values;

  private VenueConfig(Path file, Map<String, Object> values) {
    this.file = file;
    this.values = values;
  }

  static VenueConfig load(Path file) {
    Map<?, ?> map = readYaml(file);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
        throw new UserError(
            "config file "
                + file
                + " contains '"
                + key
                + "': remove it; API keys are read only from BINANCE_API_KEY and"
                + " BINANCE_API_SECRET in the environment or .env");
      }
      if (!KEYS.contains(key)) {
        throw new UserError(
            "unknown key '"
                + key
                + "' in "
                + file
                + ": allowed are "
                + String.join(", ", sorted()));
      }
      if (e.getValue() != null) {
        values.put(key, e.getValue());
      }
    }
    return new VenueConfig(file, values);
  }

  /**
   * Reads a YAML mapping with the safe constructor (plain data only).
   *
   * @throws UserError if the file is missing, unreadable or not a mapping
   */
  static Map<?, ?> readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(
          "config file "
              + file
              + " not found: pass --config <file.yaml> (see docs/getting-started.md)");
    }
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
    } catch (IOException | YAMLException e) {
      throw new UserError(
          "cannot read config file " + file + ": " + firstLine(e.getMessage()),
          UserError.CONFIG,
          e);
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new UserError("config file " + file + " must be a YAML mapping of key: value lines");
    }
    return map;
  }

  /** Whether {@code key} names an API key or secret, which config files must not hold. */
  static boolean isSecretKey(String key) {
    return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
  }

  private static java.util.List<String> sorted() {
    java.util.List<String> keys = new java.util.ArrayList<>(KEYS);
    keys.sort(null);
    return keys;
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "invalid YAML";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  String venue() {
    return string("venue", "binance-usdm");
  }

  String symbol() {
    String s = string("symbol", "");
    if (s.isBlank()) {
      throw new UserError("'symbol' is missing in " + file + ": add e.g. symbol: BTCUSDT");
    }
    return s.trim().toUpperCase(Locale.ROOT);
  }

  String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  @Nullable String optional(String key) {
    Object v = values.get(key);
    return v == null ? null : String.valueOf(v);
  }

  BigDecimal decimal(String key, String fallback) {
    String v = string(key, fallback);
    try {
      BigDecimal d = new BigDecimal(v.trim());
      if (d.signum() <= 0) {
        throw new UserError(
            "'" + key + "' in " + file + " must be > 0, was " + v + ": fix it in the config file");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UserError(
          "'" + key + "' in " + file + " is not a number: '" + v + "'; fix it in the config file");
    }
  }

  int integer(String key, int fallback) {
    String v = string(key, Integer.toString(fallback));
    try {
      int i = Integer.parseInt(v.trim());
      if (i < 1) {
        throw new UserError(
            "'" + key + "' in " + file + " must be >= 1, was " + v + ": fix it in the config file");
      }
      return i;
    } catch (NumberFormatException e) {
      throw new UserError(
          "'"
              + key
              + "' in "
              + file
              + " is not a whole number: '"
              + v
              + "'; fix it in the config file");
    }
  }
}
