/**
 * The local order book and the primitive number handling it runs on: prices as {@code long} ticks
 * ({@link dev.tradekit.api.book.TickScale}), quantities as {@code double}, and parsers that read
 * venue decimals without allocating ({@link dev.tradekit.api.book.Decimals}).
 */
@NullMarked
package dev.tradekit.api.book;

import org.jspecify.annotations.NullMarked;
