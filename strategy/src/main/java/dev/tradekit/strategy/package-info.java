/**
 * Bar (candle) strategies: a {@link dev.tradekit.strategy.BarStrategy} sees each closed bar as
 * primitives with its indicators up to date and says which position it wants; the {@link
 * dev.tradekit.strategy.StrategyEngine} turns that wish into venue orders through the exchange SPI,
 * exactly once per decision and safely across restarts, with stop-loss, take-profit and trailing
 * exits. The same objects run live, on the simulator and in a backtest.
 */
@NullMarked
package dev.tradekit.strategy;

import org.jspecify.annotations.NullMarked;
