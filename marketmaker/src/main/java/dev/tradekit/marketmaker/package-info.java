/**
 * A market-making engine: a {@link dev.tradekit.marketmaker.Strategy} turns the market and the
 * inventory into target orders, a risk manager filters them, and an order sync keeps the venue's
 * orders equal to the targets with as few calls as possible. Entry point: {@link
 * dev.tradekit.marketmaker.MarketMaker#builder()}; built-in strategies: {@link
 * dev.tradekit.marketmaker.Strategies}.
 */
@NullMarked
package dev.tradekit.marketmaker;

import org.jspecify.annotations.NullMarked;
