package dev.tradekit.backtest;

import java.util.Objects;

/**
 * One round trip of a symbol: from a flat position to flat again (a flip closes one trip and opens
 * the next).
 *
 * <pre>{@code
 * double winners = result.account("bot").roundTrips().stream().filter(t -> t.netPnl() > 0).count();
 * }</pre>
 *
 * @param symbol the instrument
 * @param longTrade true when the trip was long
 * @param openTime first fill, epoch ms
 * @param closeTime last fill, epoch ms
 * @param quantity the largest absolute position of the trip
 * @param entryPrice volume-weighted entry price
 * @param exitPrice volume-weighted exit price
 * @param grossPnl realised PnL before fees
 * @param fees commissions of the trip's fills (share of a flipping fill by quantity)
 * @param returnOnEquity net PnL divided by the account equity at the trip's opening sample
 */
public record RoundTrip(
    String symbol,
    boolean longTrade,
    long openTime,
    long closeTime,
    double quantity,
    double entryPrice,
    double exitPrice,
    double grossPnl,
    double fees,
    double returnOnEquity) {

  /** Checks the symbol and the times. */
  public RoundTrip {
    Objects.requireNonNull(symbol, "symbol");
    if (closeTime < openTime) {
      throw new IllegalArgumentException(
          "closeTime " + closeTime + " is before openTime " + openTime);
    }
  }

  /** PnL after fees. */
  public double netPnl() {
    return grossPnl - fees;
  }
}
