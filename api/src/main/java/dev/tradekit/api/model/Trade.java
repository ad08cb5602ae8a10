package dev.tradekit.api.model;

import java.math.BigDecimal;

/**
 * One public trade on a symbol.
 *
 * <pre>{@code
 * BigDecimal flow = trade.aggressorSide() == Side.BUY ? trade.quantity() : trade.quantity().negate();
 * }</pre>
 *
 * @param tradeId the venue's id of the trade, as the venue writes it (Binance: a decimal number;
 *     Bybit: a UUID)
 * @param buyerMaker true when the buyer was resting, i.e. the seller took liquidity
 * @param time epoch millis
 */
public record Trade(
    String symbol,
    String tradeId,
    BigDecimal price,
    BigDecimal quantity,
    boolean buyerMaker,
    long time) {

  /** Checks a positive price and quantity, a non-blank id and a non-negative time. */
  public Trade {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonBlank(tradeId, "tradeId");
    Checks.positive(price, "price");
    Checks.positive(quantity, "quantity");
    Checks.nonNegative(time, "time");
  }

  /** The side that took liquidity: {@code SELL} when the buyer was the maker, else {@code BUY}. */
  public Side aggressorSide() {
    return buyerMaker ? Side.SELL : Side.BUY;
  }
}
