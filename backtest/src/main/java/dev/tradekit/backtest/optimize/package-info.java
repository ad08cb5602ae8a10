/** Parameter studies over backtests: grid search, walk-forward, Monte Carlo and sensitivity. */
@NullMarked
package dev.tradekit.backtest.optimize;

import org.jspecify.annotations.NullMarked;
