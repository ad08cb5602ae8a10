package dev.tradekit.api.model;

/**
 * The order types Tradekit sends: a resting {@code LIMIT} or an immediate {@code MARKET} order.
 *
 * <pre>{@code
 * boolean needsPrice = request.type() == OrderType.LIMIT;
 * }</pre>
 */
public enum OrderType {
  LIMIT,
  MARKET
}
