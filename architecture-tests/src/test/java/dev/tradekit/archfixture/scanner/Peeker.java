package dev.tradekit.archfixture.scanner;

import dev.tradekit.archfixture.marketmaker.internal.QuoteMath;

/** Fixture: a class that wrongly reaches into another module's internal package. */
public final class Peeker {
  public double peek() {
    return QuoteMath.mid(2, 4);
  }
}
