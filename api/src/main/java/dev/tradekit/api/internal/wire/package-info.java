/**
 * Not API: the allocation-free JSON cursor and the Binance USD-M hot-frame parser (depth, book
 * ticker, trade, aggregate trade, kline) that the Binance adapter's market streams and the
 * backtest's recording readers share. Only those two modules may use it (an ArchUnit rule checks);
 * it may change in any release.
 */
@NullMarked
package dev.tradekit.api.internal.wire;

import org.jspecify.annotations.NullMarked;
