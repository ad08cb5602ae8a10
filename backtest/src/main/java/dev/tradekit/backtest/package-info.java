/**
 * The backtest runner: bots over historical or synthetic data on the simulated venue, with
 * mark-to-market results and metrics.
 */
@NullMarked
package dev.tradekit.backtest;

import org.jspecify.annotations.NullMarked;
