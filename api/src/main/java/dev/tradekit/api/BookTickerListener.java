package dev.tradekit.api;

import dev.tradekit.api.model.BookTicker;

/**
 * Receives the best bid and ask as they change.
 *
 * <pre>{@code
 * BookTickerListener l = t -> spread = t.askPrice().subtract(t.bidPrice());
 * }</pre>
 *
 * <p>Called on the exchange's event thread; must not block.
 */
@FunctionalInterface
public interface BookTickerListener {

  /** A listener that ignores everything. */
  BookTickerListener NONE = ticker -> {};

  void onBookTicker(BookTicker ticker);
}
