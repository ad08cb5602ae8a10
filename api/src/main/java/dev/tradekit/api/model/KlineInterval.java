package dev.tradekit.api.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The length of a candlestick, with the venue's interval code ({@code "1m"}, {@code "4h"}, {@code
 * "1M"}).
 *
 * <pre>{@code
 * KlineInterval i = KlineInterval.fromCode("15m");
 * long bars = (endTime - startTime) / i.millis();
 * }</pre>
 *
 * <p>{@link #MN1} (one month, code {@code "1M"}) is calendar-based on the venue; {@link #millis()}
 * reports a nominal 30 days for it.
 */
public enum KlineInterval {
  M1("1m", 60_000L),
  M3("3m", 3 * 60_000L),
  M5("5m", 5 * 60_000L),
  M15("15m", 15 * 60_000L),
  M30("30m", 30 * 60_000L),
  H1("1h", 3_600_000L),
  H2("2h", 2 * 3_600_000L),
  H4("4h", 4 * 3_600_000L),
  H6("6h", 6 * 3_600_000L),
  H8("8h", 8 * 3_600_000L),
  H12("12h", 12 * 3_600_000L),
  D1("1d", 86_400_000L),
  D3("3d", 3 * 86_400_000L),
  W1("1w", 7 * 86_400_000L),
  /** One calendar month; {@link #millis()} is a nominal 30 days. */
  MN1("1M", 30 * 86_400_000L);

  private final String code;
  private final long millis;

  KlineInterval(String code, long millis) {
    this.code = code;
    this.millis = millis;
  }

  /** The venue's code, e.g. {@code "1m"}; case matters ({@code "1M"} is a month). */
  public String code() {
    return code;
  }

  /** The nominal length in milliseconds (30 days for {@link #MN1}). */
  public long millis() {
    return millis;
  }

  /**
   * The interval whose {@link #code()} equals {@code code} exactly.
   *
   * @throws IllegalArgumentException naming the accepted codes when none matches
   */
  public static KlineInterval fromCode(String code) {
    Objects.requireNonNull(code, "code");
    for (KlineInterval interval : values()) {
      if (interval.code.equals(code)) {
        return interval;
      }
    }
    throw new IllegalArgumentException(
        "unknown kline interval code '"
            + code
            + "'; expected one of "
            + Arrays.stream(values()).map(KlineInterval::code).collect(Collectors.joining(", "))
            + " (case matters: 1m is a minute, 1M a month)");
  }
}
