/** Backtesting: replays recorded or synthetic market data through a simulated exchange. */
@NullMarked
package dev.tradekit.backtest;

import org.jspecify.annotations.NullMarked;
