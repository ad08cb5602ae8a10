package dev.tradekit.api;

import dev.tradekit.api.book.TickScale;
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

  /**
   * Whether this listener wants the updates of the bar being built ({@code closed} false); default
   * true. A venue may skip building updates for a listener that answers false; closed bars always
   * come.
   */
  default boolean wantsUpdates() {
    return true;
  }

  /**
   * A {@link KlineListener} that also takes bars as numbers: a venue that keeps its bars as numbers
   * (the simulator) calls {@link #onTicks} (by default: {@link #onBar}) instead of building a
   * {@link Kline} for each bar, other venues call {@link #onKline}. An implementation treats both
   * calls of one bar the same way.
   *
   * <pre>{@code
   * KlineListener.Numeric l = new KlineListener.Numeric() {
   *   public void onKline(Kline k, boolean closed) {
   *     onBar(k.openTime(), k.closeTime(), k.open().doubleValue(), k.high().doubleValue(),
   *         k.low().doubleValue(), k.close().doubleValue(), k.volume().doubleValue(), closed);
   *   }
   *   public void onBar(long openTime, long closeTime, double open, double high, double low,
   *       double close, double volume, boolean closed) { if (closed) closes.add(close); }
   * };
   * }</pre>
   *
   * <p>The prices are the nearest {@code double}s of the venue's decimal prices (what {@link
   * java.math.BigDecimal#doubleValue()} gives for the {@link Kline}'s fields); called on the same
   * thread and with the same guarantees as {@link #onKline}.
   */
  interface Numeric extends KlineListener {
    /**
     * A bar of the subscription as numbers.
     *
     * @param volume the base-asset volume
     * @param closed true when this is the bar's final value (its close time has passed)
     */
    void onBar(
        long openTime,
        long closeTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        boolean closed);

    /**
     * A bar of the subscription with its prices in ticks of {@code scale}: a venue that keeps
     * prices as ticks (the simulator) calls this instead of {@link #onBar}, so that a listener
     * converts only the prices it reads ({@code scale.toDouble(ticks)} gives the same {@code
     * double} {@link #onBar} would get). Default: converts the four prices and calls {@link
     * #onBar}.
     *
     * <pre>{@code
     * public void onTicks(long openTime, long closeTime, long open, long high, long low,
     *     long close, TickScale scale, double volume, boolean closed) {
     *   if (closed) closes.add(scale.toDouble(close)); // open, high and low never converted
     * }
     * }</pre>
     *
     * @param scale the tick size of the symbol's prices
     * @param volume the base-asset volume
     * @param closed true when this is the bar's final value (its close time has passed)
     */
    default void onTicks(
        long openTime,
        long closeTime,
        long open,
        long high,
        long low,
        long close,
        TickScale scale,
        double volume,
        boolean closed) {
      onBar(
          openTime,
          closeTime,
          scale.toDouble(open),
          scale.toDouble(high),
          scale.toDouble(low),
          scale.toDouble(close),
          volume,
          closed);
    }
  }
}
