/**
 * Indicators on primitives (SMA, EMA, RSI, ATR, Bollinger bands, MACD): each keeps its state in
 * preallocated fields and arrays, so an update allocates nothing. Values follow ta4j 0.17's
 * definitions (including its first values while fewer bars than the period exist), which the tests
 * check on real bars.
 */
@NullMarked
package dev.tradekit.strategy.indicators;

import org.jspecify.annotations.NullMarked;
