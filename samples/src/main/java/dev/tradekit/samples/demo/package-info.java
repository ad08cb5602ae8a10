/**
 * The demo host: a local Binance server on loopback reached through the real adapter, with a market
 * maker, a trading leader, a copier, a scanner, a live terminal view and a backtest report.
 */
@NullMarked
package dev.tradekit.samples.demo;

import org.jspecify.annotations.NullMarked;
