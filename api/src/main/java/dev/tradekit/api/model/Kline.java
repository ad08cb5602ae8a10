package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One candlestick: open, high, low, close and volumes of a symbol over one interval.
 *
 * <pre>{@code
 * List<Kline> bars = exchange.marketData().klines(KlineQuery.of("BTCUSDT", KlineInterval.M1)).join();
 * BigDecimal range = bars.get(0).high().subtract(bars.get(0).low());
 * }</pre>
 *
 * @param openTime epoch millis of the first moment in the bar
 * @param closeTime epoch millis of the last moment in the bar (Binance: next open - 1)
 * @param trades number of trades
 * @param takerBuyBaseVolume base volume bought by takers
 */
public record Kline(
    String symbol,
    KlineInterval interval,
    long openTime,
    long closeTime,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    BigDecimal volume,
    BigDecimal quoteVolume,
    long trades,
    BigDecimal takerBuyBaseVolume) {

  /**
   * Checks the times, non-negative amounts and that high and low bound open, close and each other.
   */
  public Kline {
    Checks.nonBlank(symbol, "symbol");
    Objects.requireNonNull(interval, "interval");
    Checks.nonNegative(openTime, "openTime");
    if (closeTime < openTime) {
      throw new IllegalArgumentException(
          "closeTime " + closeTime + " must not be before openTime " + openTime);
    }
    Checks.nonNegative(open, "open");
    Checks.nonNegative(high, "high");
    Checks.nonNegative(low, "low");
    Checks.nonNegative(close, "close");
    BigDecimal top = open.max(close).max(low);
    if (high.compareTo(top) < 0) {
      throw new IllegalArgumentException(
          "high "
              + Checks.plain(high)
              + " must be >= open, close and low, but one of them is "
              + Checks.plain(top));
    }
    BigDecimal bottom = open.min(close).min(high);
    if (low.compareTo(bottom) > 0) {
      throw new IllegalArgumentException(
          "low "
              + Checks.plain(low)
              + " must be <= open, close and high, but one of them is "
              + Checks.plain(bottom));
    }
    Checks.nonNegative(volume, "volume");
    Checks.nonNegative(quoteVolume, "quoteVolume");
    Checks.nonNegative(trades, "trades");
    Checks.nonNegative(takerBuyBaseVolume, "takerBuyBaseVolume");
  }
}
