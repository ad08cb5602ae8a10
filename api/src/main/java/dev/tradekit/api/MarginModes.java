package dev.tradekit.api;

import dev.tradekit.api.model.MarginType;
import java.util.concurrent.CompletableFuture;

/**
 * Choosing per symbol whether positions share the account's margin (cross) or have their own
 * (isolated), where the venue lets an account change it.
 *
 * <pre>{@code
 * exchange.marginModes().ifPresent(m -> m.setMarginType("BTCUSDT", MarginType.ISOLATED).join());
 * }</pre>
 */
public interface MarginModes {

  /**
   * Sets the margin type of {@code symbol}; completes normally when it already is {@code type}.
   * Venues refuse a change while the symbol has an open position or open orders; the future then
   * fails with the venue's error.
   */
  CompletableFuture<Void> setMarginType(String symbol, MarginType type);
}
