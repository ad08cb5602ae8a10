package dev.tradekit.api;

import dev.tradekit.api.model.Trade;

/**
 * Receives public trades.
 *
 * <pre>{@code
 * TradeListener l = t -> volume += t.quantity().doubleValue();
 * }</pre>
 *
 * <p>Called on the exchange's event thread; must not block.
 */
@FunctionalInterface
public interface TradeListener {

  /** A listener that ignores everything. */
  TradeListener NONE = trade -> {};

  void onTrade(Trade trade);
}
