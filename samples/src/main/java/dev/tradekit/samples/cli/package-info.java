/**
 * The {@code tradekit} command line: picocli commands that are thin wrappers over the engine
 * builders.
 */
@NullMarked
package dev.tradekit.samples.cli;

import org.jspecify.annotations.NullMarked;
