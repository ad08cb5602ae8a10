/** Small example programs, one concept each, that run against the simulated venue. */
@NullMarked
package dev.tradekit.samples.examples;

import org.jspecify.annotations.NullMarked;
