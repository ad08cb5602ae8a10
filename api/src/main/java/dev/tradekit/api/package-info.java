/**
 * The exchange SPI: {@link dev.tradekit.api.Exchanges} finds an {@link
 * dev.tradekit.api.ExchangeProvider} by id and builds an {@link dev.tradekit.api.Exchange}, whose
 * small typed facets ({@code marketData()}, {@code trading()}, {@code account()}, {@code
 * streams()}, {@code capabilities()}) are all an engine ever uses of a venue.
 */
@NullMarked
package dev.tradekit.api;

import org.jspecify.annotations.NullMarked;
