package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Rolling 24-hour statistics of a symbol.
 *
 * <pre>{@code
 * List<String> liquid = tickers.stream()
 *     .sorted(Comparator.comparing(Ticker24h::quoteVolume).reversed())
 *     .limit(20).map(Ticker24h::symbol).toList();
 * }</pre>
 *
 * @param volume traded base quantity
 * @param quoteVolume traded quote value, the usual liquidity rank
 * @param priceChangePercent change from open to last, in percent (may be negative)
 * @param openTime epoch millis where the window starts
 * @param closeTime epoch millis where it ends
 * @param count number of trades
 */
public record Ticker24h(
    String symbol,
    BigDecimal lastPrice,
    BigDecimal openPrice,
    BigDecimal highPrice,
    BigDecimal lowPrice,
    BigDecimal volume,
    BigDecimal quoteVolume,
    BigDecimal priceChangePercent,
    long openTime,
    long closeTime,
    long count) {

  /** Checks non-negative prices, volumes and count, and openTime <= closeTime. */
  public Ticker24h {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonNegative(lastPrice, "lastPrice");
    Checks.nonNegative(openPrice, "openPrice");
    Checks.nonNegative(highPrice, "highPrice");
    Checks.nonNegative(lowPrice, "lowPrice");
    Checks.nonNegative(volume, "volume");
    Checks.nonNegative(quoteVolume, "quoteVolume");
    Objects.requireNonNull(priceChangePercent, "priceChangePercent");
    Checks.nonNegative(openTime, "openTime");
    if (closeTime < openTime) {
      throw new IllegalArgumentException(
          "closeTime " + closeTime + " must not be before openTime " + openTime);
    }
    Checks.nonNegative(count, "count");
  }
}
