package dev.tradekit.strategy;

import dev.tradekit.strategy.indicators.BarIndicator;
import java.util.List;

/**
 * A strategy on closed bars: it sees each bar once, with its indicators already updated, and says
 * which position it wants; the {@link StrategyEngine} turns the wish into orders.
 *
 * <pre>{@code
 * final class SmaCross implements BarStrategy {
 *   final Sma fast = new Sma(50), slow = new Sma(200);
 *   int last;
 *   public List<BarIndicator> indicators() { return List.of(fast, slow); }
 *   public void onBar(Bar bar, BarContext ctx) {
 *     int sign = Double.compare(fast.value(), slow.value());
 *     if (sign > 0 && last < 0) ctx.goLong();
 *     if (sign < 0 && last > 0) ctx.goFlat();
 *     if (sign != 0) last = sign;
 *   }
 * }
 * }</pre>
 *
 * <p>Called on the engine's scheduler thread, one bar at a time in time order, so no locks are
 * needed; a callback must return quickly. A wish stays until the strategy (or an exit rule) changes
 * it: a stop-loss sets it to flat, and the strategy re-enters by wishing again. Bars replayed from
 * the venue's history at start ({@link BarContext#isWarmingUp()}) update state but never trade.
 */
public interface BarStrategy {

  /**
   * Indicators the engine updates with every closed bar before {@link #onBar}; asked once at start.
   * Default: none.
   */
  default List<BarIndicator> indicators() {
    return List.of();
  }

  /** A closed bar: decide here. */
  void onBar(Bar bar, BarContext ctx);

  /**
   * An update of the bar being built (only when the engine is built with {@code updates(true)});
   * best effort, never during warm-up. Default: ignore.
   */
  default void onUpdate(Bar forming, BarContext ctx) {}
}
