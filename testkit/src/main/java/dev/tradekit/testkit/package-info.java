/**
 * A local Binance USD-M exchange on loopback, backed by the simulator: the real adapter talks HTTP
 * and WebSockets to it, and it misbehaves on demand.
 */
@NullMarked
package dev.tradekit.testkit;

import org.jspecify.annotations.NullMarked;
