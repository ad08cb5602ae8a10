/**
 * The simulated venue: {@link dev.tradekit.backtest.sim.SimVenue} matches orders of several
 * accounts against a real or synthetic L2 book with a queue-position model, keeps USDT-margined
 * accounts (fees, PnL, margin, funding), models order and market-data latency, and implements the
 * whole exchange SPI; {@link dev.tradekit.backtest.sim.MarketReplay} drives it from a {@link
 * dev.tradekit.backtest.data.MarketDataSource} in virtual time, and {@link
 * dev.tradekit.backtest.sim.SimExchangeProvider} registers it as provider {@code sim}.
 */
@NullMarked
package dev.tradekit.backtest.sim;

import org.jspecify.annotations.NullMarked;
