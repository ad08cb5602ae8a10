package dev.tradekit.api.model;

/**
 * The order types Tradekit sends: a resting {@code LIMIT} or an immediate {@code MARKET} order, and
 * three conditional orders that rest at the venue until their {@link Trigger} fires and then
 * execute as a market order.
 *
 * <pre>{@code
 * boolean needsPrice = request.type() == OrderType.LIMIT;
 * boolean venueStops = exchange.capabilities().supports(OrderType.STOP_MARKET);
 * }</pre>
 */
public enum OrderType {
  LIMIT,
  MARKET,
  /**
   * A market order placed when the watched price crosses the trigger price against the position: a
   * SELL triggers when the price falls to or below it, a BUY when it rises to or above it.
   */
  STOP_MARKET,
  /**
   * A market order placed when the watched price crosses the trigger price in the position's
   * favour: a SELL triggers when the price rises to or above it, a BUY when it falls to or below.
   */
  TAKE_PROFIT_MARKET,
  /**
   * A market order placed when the watched price retraces by the callback rate from its best level
   * since activation (the highest for a SELL, the lowest for a BUY).
   */
  TRAILING_STOP_MARKET;

  /** True for the types that wait for a {@link Trigger}: every type but LIMIT and MARKET. */
  public boolean isConditional() {
    return this != LIMIT && this != MARKET;
  }

  /** True when the order executes at market (MARKET and the conditional types). */
  public boolean executesAtMarket() {
    return this != LIMIT;
  }
}
