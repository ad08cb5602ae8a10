/** The tradekit command line, the demo and example programs built on the Tradekit engines. */
@NullMarked
package dev.tradekit.samples;

import org.jspecify.annotations.NullMarked;
