/**
 * Runs a ta4j 0.17 {@code Strategy} (entry and exit rules over any ta4j indicators) as a {@link
 * dev.tradekit.strategy.BarStrategy}, on a bar series fed from the candle stream and bounded in
 * memory. Needs {@code org.ta4j:ta4j-core} on the class path (an optional dependency of this
 * module).
 */
@NullMarked
package dev.tradekit.strategy.ta4j;

import org.jspecify.annotations.NullMarked;
