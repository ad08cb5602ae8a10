/**
 * What every venue adapter needs and no application does: the venue's clock ({@link
 * dev.tradekit.adapter.ServerClock}), a WebSocket that stays connected ({@link
 * dev.tradekit.adapter.WsConnection}) and its jittered {@link dev.tradekit.adapter.Backoff}. Used
 * by {@code binance-adapter} and {@code bybit-adapter}; engines never depend on it.
 */
@NullMarked
package dev.tradekit.adapter;

import org.jspecify.annotations.NullMarked;
