package dev.tradekit.archfixture.marketmaker.internal;

/** Fixture: an internal class of the market maker module. */
public final class QuoteMath {
  public static double mid(double bid, double ask) {
    return (bid + ask) / 2;
  }
}
