/**
 * The Binance USD-M futures adapter: REST and WebSocket wire layer, request signing, server-time
 * synchronisation, rate limiting and the mapping of Binance error codes to typed errors.
 */
@NullMarked
package dev.tradekit.binance;

import org.jspecify.annotations.NullMarked;
