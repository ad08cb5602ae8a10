package dev.tradekit.api;

import dev.tradekit.api.model.Kline;

/**
 * Receives the candlesticks of one symbol and interval: every update of the bar being built and,
 * once, each bar as it closes.
 *
 * <pre>{@code
 * KlineListener l = (bar, closed) -> { if (closed) closes.add(bar.close()); };
 * }</pre>
 *
 * <p>Called on the exchange's event thread, one bar at a time and in time order per subscription;
 * must return quickly and never block (hand work to your own {@link
 * dev.tradekit.api.runtime.Scheduler}). Each closed bar is delivered exactly once, with {@code
 * closed} true, even across reconnects: the exchange fills a gap from the venue's history and drops
 * a bar it already delivered. Updates ({@code closed} false) are best effort and may be skipped.
 */
@FunctionalInterface
public interface KlineListener {

  /** A listener that ignores everything. */
  KlineListener NONE = (kline, closed) -> {};

  /**
   * A bar of the subscription.
   *
   * @param kline the bar as it is now
   * @param closed true when this is the bar's final value (its close time has passed)
   */
  void onKline(Kline kline, boolean closed);
}
