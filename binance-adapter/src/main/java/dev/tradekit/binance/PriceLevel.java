package dev.tradekit.binance;

/** One {@code [price, quantity]} pair of a depth reply or a depth update; quantity 0 removes. */
record PriceLevel(String price, String qty) {}
