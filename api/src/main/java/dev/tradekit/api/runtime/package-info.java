/**
 * Time and threads for engines: the {@link dev.tradekit.api.runtime.Scheduler} an engine runs on,
 * live ({@link dev.tradekit.api.runtime.LiveScheduler}) or in virtual time for tests and backtests
 * ({@link dev.tradekit.api.runtime.VirtualScheduler}).
 */
@NullMarked
package dev.tradekit.api.runtime;

import org.jspecify.annotations.NullMarked;
