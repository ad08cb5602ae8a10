/**
 * The large-order scanner: {@link dev.tradekit.scanner.Scanner} finds unusually large resting
 * orders ("walls") across a venue, follows each through the observer and hot pools, scores it with
 * a {@link dev.tradekit.scanner.WeightAlgorithm} and publishes updates through a tiered {@link
 * dev.tradekit.scanner.ScannerFeed}.
 *
 * <p>The engine runs on a {@link dev.tradekit.api.runtime.Scheduler}: it never reads the wall
 * clock, sleeps or starts threads, so the same code runs live and in virtual time.
 */
@NullMarked
package dev.tradekit.scanner;

import org.jspecify.annotations.NullMarked;
