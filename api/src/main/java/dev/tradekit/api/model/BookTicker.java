package dev.tradekit.api.model;

import java.math.BigDecimal;

/**
 * The best bid and ask of a symbol at one book update.
 *
 * <pre>{@code
 * BigDecimal mid = t.bidPrice().add(t.askPrice()).divide(BigDecimal.valueOf(2));
 * }</pre>
 *
 * @param updateId the order-book update id, comparable with the diff-depth stream's ids
 * @param time epoch millis
 */
public record BookTicker(
    String symbol,
    long updateId,
    BigDecimal bidPrice,
    BigDecimal bidQuantity,
    BigDecimal askPrice,
    BigDecimal askQuantity,
    long time) {

  /** Checks that every amount and the time are >= 0. */
  public BookTicker {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonNegative(updateId, "updateId");
    Checks.nonNegative(bidPrice, "bidPrice");
    Checks.nonNegative(bidQuantity, "bidQuantity");
    Checks.nonNegative(askPrice, "askPrice");
    Checks.nonNegative(askQuantity, "askQuantity");
    Checks.nonNegative(time, "time");
  }
}
