package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Trade;
import dev.tradekit.execution.TargetOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides which orders the bot wants on the venue: (market, inventory, own orders, time) → target
 * orders. The engine keeps the venue equal to the targets, behind the risk limits.
 *
 * <pre>{@code
 * Strategy tight = ctx -> List.of(
 *     TargetOrder.limit(Side.BUY, ctx.roundBuy(ctx.market().bestBid()), ctx.parameters().orderAmount()),
 *     TargetOrder.limit(Side.SELL, ctx.roundSell(ctx.market().bestAsk()), ctx.parameters().orderAmount()));
 * MarketMaker.builder().strategy(tight)...
 * }</pre>
 *
 * <p>All methods are called on the engine's scheduler thread, one at a time, so an implementation
 * may keep state without locks. They must not block. An exception thrown by {@link #targets} is a
 * fatal error of the bot (it stops and cancels its orders).
 */
@FunctionalInterface
public interface Strategy {

  /**
   * The orders wanted now. Limit targets are kept (an equal order already resting is left alone),
   * missing ones placed, others cancelled; market targets are sent once.
   */
  List<TargetOrder> targets(QuoteContext ctx);

  /** Called once at start with the quoted instrument; throws when the settings cannot work. */
  default void validate(Instrument instrument) {}

  /** One of the bot's orders traded (not called in polling mode, which sees no fills). */
  default void onFill(Fill fill, long now) {}

  /**
   * A public trade of the symbol, with the mid of the book when it arrived; called only while
   * {@link #wantsTrades()} is true.
   */
  default void onTrade(Trade trade, double mid) {}

  /**
   * Whether {@link #onTrade} does anything: when false the engine does not subscribe to the public
   * trades stream at all, so a strategy that ignores trades pays nothing per trade. Default true.
   */
  default boolean wantsTrades() {
    return true;
  }

  /**
   * Non-null when the strategy is finished (a stop-loss or take-profit bound was hit): the engine
   * sends the market targets of the current cycle, then stops with this reason.
   */
  default @Nullable String stopReason() {
    return null;
  }
}
