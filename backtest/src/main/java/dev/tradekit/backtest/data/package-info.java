/**
 * Streaming market data for the simulator: a reusable {@link
 * dev.tradekit.backtest.data.MarketEvent} filled by {@link
 * dev.tradekit.backtest.data.MarketDataSource}s that read Binance recordings, public-data CSV files
 * or a seeded synthetic market, and a {@link dev.tradekit.backtest.data.DepthSynchronizer} that
 * rebuilds an order book from them.
 */
@NullMarked
package dev.tradekit.backtest.data;

import org.jspecify.annotations.NullMarked;
