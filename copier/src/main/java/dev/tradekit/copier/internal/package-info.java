/**
 * The copier's engine, journal backends and helpers. Not part of the API: these types may change in
 * any release; use {@link dev.tradekit.copier.TradeCopier} and the other types of {@code
 * dev.tradekit.copier}.
 */
@NullMarked
package dev.tradekit.copier.internal;

import org.jspecify.annotations.NullMarked;
