package dev.tradekit.adapter;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The checks every adapter's configuration builder makes, with one wording across venues: bounded
 * durations, string options from {@code ExchangeConfig.options()}, and an unknown option key.
 *
 * <pre>{@code
 * this.timeout = ConfigChecks.requestTimeout(timeout);
 * long ms = ConfigChecks.wholeNumber("recvWindow", value);
 * }</pre>
 */
public final class ConfigChecks {
  private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private ConfigChecks() {}

  /**
   * {@code value} when it is at least {@code min}.
   *
   * @throws IllegalArgumentException naming the setting, the minimum and the value
   */
  public static Duration atLeast(Duration value, Duration min, String name) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  /**
   * A REST request timeout: above 0 and at most 5 min.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static Duration requestTimeout(Duration timeout) {
    atLeast(timeout, Duration.ofMillis(1), "requestTimeout");
    if (timeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException("requestTimeout must be at most 5 min, was " + timeout);
    }
    return timeout;
  }

  /**
   * A string option holding a whole number.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  public static long wholeNumber(String option, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + option + " must be a whole number, was '" + value + "'", e);
    }
  }

  /**
   * A string option holding {@code true} or {@code false} (any case).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static boolean trueOrFalse(String option, String value) {
    String v = value.trim();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(
        "option " + option + " must be true or false, was '" + value + "'");
  }

  /**
   * The error for an option key the provider does not know.
   *
   * @param provider the provider id, e.g. {@code bybit-linear}
   * @param key the unknown key
   * @param known the keys the provider knows
   * @param extension the simple name of the provider's configuration extension type
   */
  public static IllegalArgumentException unknownOption(
      String provider, String key, Set<String> known, String extension) {
    return new IllegalArgumentException(
        "unknown "
            + provider
            + " option '"
            + key
            + "'; known options: "
            + String.join(", ", known.stream().sorted().toList())
            + " (other settings go in a "
            + extension
            + " extension)");
  }
}
