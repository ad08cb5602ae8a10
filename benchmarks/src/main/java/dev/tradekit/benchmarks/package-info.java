/** JMH benchmarks; run them with {@code benchmarks/run.sh}. */
@NullMarked
package dev.tradekit.benchmarks;

import org.jspecify.annotations.NullMarked;
