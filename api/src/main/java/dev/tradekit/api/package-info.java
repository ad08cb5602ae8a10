/** The exchange SPI: providers, exchanges and their typed facets. */
@NullMarked
package dev.tradekit.api;

import org.jspecify.annotations.NullMarked;
