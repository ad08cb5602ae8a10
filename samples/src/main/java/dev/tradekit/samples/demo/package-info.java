/**
 * The demo host: a simulated venue on the wall clock with a market maker, a trading leader and a
 * live terminal view.
 */
@NullMarked
package dev.tradekit.samples.demo;

import org.jspecify.annotations.NullMarked;
