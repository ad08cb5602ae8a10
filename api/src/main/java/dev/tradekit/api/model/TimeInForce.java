package dev.tradekit.api.model;

/**
 * How long a limit order stays on the book.
 *
 * <pre>{@code
 * OrderRequest maker = OrderRequest.builder()
 *     .symbol("BTCUSDT").side(Side.BUY).quantity(qty).price(px)
 *     .timeInForce(TimeInForce.GTX).build();   // post-only
 * }</pre>
 */
public enum TimeInForce {
  /** Good till canceled. */
  GTC,
  /** Immediate or cancel: fill what can be filled now, cancel the rest. */
  IOC,
  /** Fill or kill: fill entirely now or not at all. */
  FOK,
  /** Good till crossing, i.e. post-only: rejected (expired) if it would take liquidity. */
  GTX
}
