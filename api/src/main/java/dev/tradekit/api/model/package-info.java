/**
 * Immutable domain values that cross the venue boundary: instruments and their filters, order
 * requests, orders, fills, positions, balances and market-data snapshots. Prices and quantities
 * here are exact {@link java.math.BigDecimal}s.
 */
@NullMarked
package dev.tradekit.api.model;

import org.jspecify.annotations.NullMarked;
