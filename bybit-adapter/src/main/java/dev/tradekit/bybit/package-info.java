/**
 * The Bybit v5 linear perpetuals wire layer: request signing, server-time synchronisation, the
 * retCode table, the {@code X-Bapi-Limit*} rate limiter, and decoding of the public and private
 * stream frames (order book, trades, tickers, klines, orders, executions, positions, wallet).
 */
@NullMarked
package dev.tradekit.bybit;

import org.jspecify.annotations.NullMarked;
